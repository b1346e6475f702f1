package dev.tendril.bench;

import java.util.Arrays;

/** Latency percentiles by the nearest-rank method over every recorded sample. */
final class Percentiles {
    private long[] samples = new long[1024];
    private int size;

    synchronized void record(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
    }

    synchronized int count() {
        return size;
    }

    /** The smallest sample that at least {@code percent}% of samples do not exceed, in milliseconds. */
    synchronized double millis(double percent) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * size);
        return sorted[Math.max(rank, 1) - 1] / 1_000_000.0;
    }
}
