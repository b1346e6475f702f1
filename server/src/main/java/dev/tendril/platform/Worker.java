package dev.tendril.platform;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * A background loop of rounds: each round claims a batch of due work (any node may; {@code FOR UPDATE SKIP LOCKED}
 * splits it), processes it and commits. Every such loop of Tendril runs on this one abstraction, started by
 * {@link Workers}, which owns the pacing, backoff, shutdown and metrics they share:
 * <ul>
 * <li>a round starts when {@link #wake()} is called (work was just committed) or when {@link Spec#poll()} has passed
 * (work committed on another node, or left by a crash);</li>
 * <li>rounds follow each other while they find work; after a round that was not full the worker pauses the round gap
 * ({@code tendril.realtime.round-gap}, 100 ms), so the next round gathers many changes instead of one;</li>
 * <li>a round that fails is logged and retried after a backoff that doubles up to 30 s;</li>
 * <li>on shutdown no new round starts and the one under way may finish; what is left stays claimable;</li>
 * <li>metrics per worker: rounds, items, errors, round time, queue depth and lag.</li>
 * </ul>
 */
public final class Worker {
    /**
     * One round: claims a batch of due work, processes it and commits; returns how many items it claimed (0: none
     * was due). A round that runs long (a whole job) checks {@code stopping} between its parts and returns when it
     * is true, leaving the rest claimable.
     */
    @FunctionalInterface
    public interface Round {
        int run(BooleanSupplier stopping) throws Exception;
    }

    /**
     * What a worker does and how often. {@code batch}: the most items a round claims (a round that claimed fewer
     * caught up); {@code periodic}: one round per {@code poll}, for recurring jobs; {@code depth}: the number of items
     * due, for the queue-depth gauge (null: none).
     */
    public record Spec(String name, Round round, int batch, int threads, Duration poll, Duration initialDelay, boolean periodic,
            LongSupplier depth) {
        public Spec {
            Objects.requireNonNull(name);
            Objects.requireNonNull(round);
            if (batch < 1 || threads < 1) {
                throw new IllegalArgumentException("batch and threads must be positive");
            }
        }

        /** A queue drained in rounds of up to {@code batch} items, woken by commits and polled every second. */
        public static Spec queue(String name, int batch, Round round) {
            return new Spec(name, round, batch, 1, Duration.ofSeconds(1), Duration.ofSeconds(1), false, null);
        }

        /** A recurring job: one round every {@code interval}, the first after {@code initialDelay}. */
        public static Spec every(String name, Duration interval, Duration initialDelay, Round round) {
            return new Spec(name, round, Integer.MAX_VALUE, 1, interval, initialDelay, true, null);
        }

        public Spec threads(int n) {
            return new Spec(name, round, batch, n, poll, initialDelay, periodic, depth);
        }

        public Spec depth(LongSupplier dueItems) {
            return new Spec(name, round, batch, threads, poll, initialDelay, periodic, dueItems);
        }
    }

    private final Spec spec;
    private final Runnable wake;

    Worker(Spec spec, Runnable wake) {
        this.spec = spec;
        this.wake = wake;
    }

    public String name() {
        return spec.name();
    }

    /** Starts a round soon (work was committed): at once when idle, after the round under way otherwise. */
    public void wake() {
        wake.run();
    }

    /** Wakes the worker once the current transaction commits (at once without one), once per transaction. */
    public void wakeAfterCommit() {
        AfterCommit.once(this, this::wake);
    }
}
