package dev.tendril.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RescorePendingTest {
    @Test
    void aRoundTakesRowsWhileTheirContactsFit() {
        assertThat(RescorePending.rowsWithin(new long[] {100, 100, 300, 1}, 500)).isEqualTo(3);
        assertThat(RescorePending.rowsWithin(new long[] {100, 100, 301, 1}, 500)).as("stops at the first row that does not fit").isEqualTo(2);
        assertThat(RescorePending.rowsWithin(new long[] {1, 1, 1}, 500)).isEqualTo(3);
        assertThat(RescorePending.rowsWithin(new long[] {}, 500)).isZero();
    }

    @Test
    void aRowLargerThanARoundStillGoesAlone() {
        assertThat(RescorePending.rowsWithin(new long[] {800, 1}, 500)).isEqualTo(1);
    }
}
