package dev.tendril.platform;

/** An id that does not exist in the caller's workspace; answered as 404 whatever the reason. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String resource, String id) {
        super("No " + resource + " with id '" + id + "'");
    }
}
