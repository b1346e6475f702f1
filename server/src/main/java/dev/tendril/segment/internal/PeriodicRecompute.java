package dev.tendril.segment.internal;

import dev.tendril.platform.Worker;
import dev.tendril.platform.Workers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.springframework.beans.factory.annotation.Value;
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

    PeriodicRecompute(SegmentStore store, Segments segments, TransactionTemplate tx, Clock clock, Workers workers,
            @Value("${tendril.segments.recompute-interval:PT5M}") Duration interval,
            @Value("${tendril.segments.recompute-initial-delay:PT10S}") Duration initialDelay) {
        this.store = store;
        this.segments = segments;
        this.tx = tx;
        this.clock = clock;
        workers.define(Worker.Spec.every("segment-recompute", interval, initialDelay, this::run));
    }

    /** Recomputes every due segment, until none is left or the worker stops; returns how many. */
    int run(BooleanSupplier stopping) {
        Instant roundStart = clock.instant();
        int done = 0;
        while (!stopping.getAsBoolean() && Boolean.TRUE.equals(tx.execute(s -> store.claimDue(roundStart).map(row -> {
            segments.recompute(row);
            return true;
        }).orElse(false)))) {
            done++;
        }
        return done;
    }
}
