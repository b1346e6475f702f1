package dev.tendril.platform;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The pause a background worker (pending rescores, real-time segments) takes between rounds while it keeps up.
 * Without it, a worker that is ahead starts a round for every committed batch and pays the round's fixed queries for
 * a handful of contacts, taking the CPU that ingestion needs: at 5,000 events/s the two workers ran about 90 rounds a
 * second. A pause of {@code tendril.realtime.round-gap} lets the next round gather the changes of many batches
 * (docs/benchmarks.md). A worker that is behind (its round was full) goes on at once, and the first change after
 * an idle spell is handled at once too: the gap only separates rounds that follow each other.
 */
@Component
public class RoundGap {
    private final Duration gap;

    public RoundGap(@Value("${tendril.realtime.round-gap:100ms}") Duration gap) {
        this.gap = gap;
    }

    /** Pauses after a round that handled {@code handled} items of at most {@code full}, unless it found none or was full. */
    public void after(int handled, int full) throws InterruptedException {
        if (pausesAfter(handled, full)) {
            Thread.sleep(gap);
        }
    }

    boolean pausesAfter(int handled, int full) {
        return handled > 0 && handled < full && gap.isPositive();
    }
}
