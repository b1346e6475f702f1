package dev.tendril.platform;

/** A request without a valid key for what it asks; answered as 401. */
public class UnauthorizedException extends RuntimeException {
    public UnauthorizedException(String message) {
        super(message);
    }
}
