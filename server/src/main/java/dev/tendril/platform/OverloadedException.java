package dev.tendril.platform;

import java.time.Duration;

/** The server is too busy to take the request now; answered as 503 with {@code Retry-After}, so clients back off and retry. */
public class OverloadedException extends RuntimeException {
    private final Duration retryAfter;

    public OverloadedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
