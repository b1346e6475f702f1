package dev.tendril.event.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * Segment's timestamp correction: a client clock that is off by {@code sentAt - receivedAt} had the
 * same error when it stamped the event, so {@code timestamp = receivedAt - (sentAt - originalTimestamp)}.
 */
final class ClockSkew {
    private ClockSkew() {}

    static Instant correct(Instant original, Instant sentAt, Instant receivedAt) {
        if (original == null) {
            return receivedAt;
        }
        if (sentAt == null) {
            return original;
        }
        return receivedAt.minus(Duration.between(original, sentAt));
    }
}
