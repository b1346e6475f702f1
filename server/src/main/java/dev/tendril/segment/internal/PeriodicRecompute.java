package dev.tendril.segment.internal;

import java.time.Clock;
import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reconciles segments whose conditions are relative to now ({@code within the last 30 days} drifts as
 * days pass, with no change to announce it) and segments never computed. One segment per
 * transaction, its row claimed with SKIP LOCKED, so several nodes split a round instead of repeating it.
 */
@Component
class PeriodicRecompute {
    private final SegmentStore store;
    private final Segments segments;
    private final TransactionTemplate tx;
    private final Clock clock;

    PeriodicRecompute(SegmentStore store, Segments segments, TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.segments = segments;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tendril.segments.recompute-interval:PT5M}",
            initialDelayString = "${tendril.segments.recompute-initial-delay:PT10S}")
    void scheduled() {
        run();
    }

    /** Recomputes every due segment; returns how many. */
    int run() {
        Instant roundStart = clock.instant();
        int done = 0;
        while (Boolean.TRUE.equals(tx.execute(s -> store.claimDue(roundStart).map(row -> {
            segments.recompute(row);
            return true;
        }).orElse(false)))) {
            done++;
        }
        return done;
    }
}
