package dev.tendril.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRank() {
        Percentiles p = new Percentiles();
        for (int ms = 100; ms >= 1; ms--) {
            p.record(ms * 1_000_000L);
        }
        assertThat(p.millis(50)).isEqualTo(50.0);
        assertThat(p.millis(99)).isEqualTo(99.0);
        assertThat(p.millis(100)).isEqualTo(100.0);
        assertThat(p.millis(0)).isEqualTo(1.0);
    }

    @Test
    void fewSamplesGiveTheLargestForHighPercentiles() {
        Percentiles p = new Percentiles();
        p.record(3_000_000);
        p.record(7_000_000);
        assertThat(p.millis(50)).isEqualTo(3.0);
        assertThat(p.millis(99)).isEqualTo(7.0);
        assertThat(new Percentiles().millis(50)).isNaN();
    }
}
