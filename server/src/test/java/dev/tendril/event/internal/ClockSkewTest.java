package dev.tendril.event.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClockSkewTest {
    final Instant received = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void shiftsTheEventByTheClientsClockError() {
        // Client clock 1 hour fast: stamped at 13:00:00, sent at 13:00:05, received at 12:00:00.
        Instant corrected = ClockSkew.correct(Instant.parse("2026-11-24T13:00:00Z"), Instant.parse("2026-11-24T13:00:05Z"), received);
        assertThat(corrected).isEqualTo(Instant.parse("2026-11-24T11:59:55Z"));
    }

    @Test
    void keepsTheTimestampWithoutSentAtAndUsesArrivalWithoutEither() {
        Instant original = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(ClockSkew.correct(original, null, received)).isEqualTo(original);
        assertThat(ClockSkew.correct(null, Instant.parse("2026-11-24T13:00:05Z"), received)).isEqualTo(received);
    }
}
