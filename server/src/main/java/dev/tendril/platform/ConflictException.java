package dev.tendril.platform;

/** A request that clashes with stored state (a duplicate email, say); answered as 409. */
public class ConflictException extends RuntimeException {
    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
