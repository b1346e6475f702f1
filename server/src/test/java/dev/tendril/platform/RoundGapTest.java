package dev.tendril.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RoundGapTest {
    private final RoundGap gap = new RoundGap(Duration.ofMillis(100));

    @Test
    void pausesOnlyBetweenRoundsOfAWorkerThatKeepsUp() {
        assertThat(gap.pausesAfter(1, 500)).isTrue();
        assertThat(gap.pausesAfter(499, 500)).isTrue();
        assertThat(gap.pausesAfter(0, 500)).as("nothing was pending: the worker goes idle").isFalse();
        assertThat(gap.pausesAfter(500, 500)).as("a full round: the worker is behind").isFalse();
        assertThat(gap.pausesAfter(2600, 2000)).as("claiming whole contacts may overshoot").isFalse();
    }

    @Test
    void aZeroGapNeverPauses() {
        assertThat(new RoundGap(Duration.ZERO).pausesAfter(1, 500)).isFalse();
    }

    @Test
    void pausesForTheGap() throws InterruptedException {
        long start = System.nanoTime();
        gap.after(1, 500);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }
}
