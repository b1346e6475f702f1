package dev.tendril.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RescorePendingTest {
    static long[] contacts(long from, long to) {
        return LongStream.range(from, to).toArray();
    }

    @Test
    void aRoundTakesRowsWhileTheirDistinctContactsFit() {
        assertThat(RescorePending.rowsWithin(List.of(contacts(0, 100), contacts(100, 200), contacts(200, 500), contacts(500, 501)), 500))
                .isEqualTo(3);
        assertThat(RescorePending.rowsWithin(List.of(contacts(0, 100), contacts(100, 200), contacts(200, 501), contacts(600, 601)), 500))
                .as("stops at the first row that does not fit").isEqualTo(2);
        assertThat(RescorePending.rowsWithin(List.of(), 500)).isZero();
    }

    @Test
    void peopleInSeveralRowsCountOnce() {
        assertThat(RescorePending.rowsWithin(List.of(contacts(0, 300), contacts(0, 300), contacts(100, 400), contacts(300, 500)), 500))
                .isEqualTo(4);
    }

    @Test
    void aRowLargerThanARoundStillGoesAlone() {
        assertThat(RescorePending.rowsWithin(List.of(contacts(0, 800), contacts(800, 801)), 500)).isEqualTo(1);
    }
}
