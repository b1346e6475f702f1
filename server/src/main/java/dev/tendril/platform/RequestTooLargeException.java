package dev.tendril.platform;

import java.io.IOException;

/** A request body past its configured bound ({@code tendril.api.max-body}, {@code tendril.imports.max-bytes}); answered as 413. */
public class RequestTooLargeException extends IOException {
    private final long limit;

    public RequestTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
