package dev.tendril.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Starts and stops every {@link Worker} of the node, and runs their loops (see {@link Worker} for what they share).
 * Modules define their workers while their beans are made ({@link #define}); they start with the application context
 * and stop before the connection pool closes.
 */
@Component
public class Workers implements SmartLifecycle {
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** How long a round under way may take to finish at shutdown. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(Workers.class);

    private final Duration roundGap;
    private final MeterRegistry meters;
    private final List<Loop> loops = new ArrayList<>();
    private volatile boolean running;

    public Workers(@Value("${tendril.realtime.round-gap:100ms}") Duration roundGap, MeterRegistry meters) {
        this.roundGap = roundGap;
        this.meters = meters;
    }

    /** A worker of this node; it starts with the application (at once when that has started). */
    public synchronized Worker define(Worker.Spec spec) {
        Loop loop = new Loop(spec);
        loops.add(loop);
        if (running) {
            loop.start();
        }
        return loop.worker;
    }

    /**
     * Whether a worker pauses the round gap after a round that claimed {@code claimed} items of at most {@code batch}:
     * only between rounds of a worker that keeps up. One that found nothing goes idle; one whose round was full is
     * behind and goes on at once (claiming whole contacts may overshoot the batch).
     */
    static boolean pausesAfter(int claimed, int batch, Duration gap) {
        return claimed > 0 && claimed < batch && gap.isPositive();
    }

    /** The pause before retrying after {@code failures} failed rounds in a row: 1 s, doubling, at most {@link #MAX_BACKOFF}. */
    static Duration backoff(int failures) {
        return Duration.ofSeconds(Math.min(1L << Math.min(failures - 1, 30), MAX_BACKOFF.toSeconds()));
    }

    @Override
    public synchronized void start() {
        running = true;
        loops.forEach(Loop::start);
    }

    @Override
    public void stop() {
        List<Loop> all;
        synchronized (this) {
            running = false;
            all = List.copyOf(loops);
        }
        all.forEach(Loop::stopping);
        long deadline = System.nanoTime() + SHUTDOWN_GRACE.toNanos();
        for (Loop loop : all) {
            loop.join(deadline);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** One worker's threads and meters. */
    private final class Loop {
        private final Worker.Spec spec;
        private final Worker worker;
        private final Semaphore signal = new Semaphore(0);
        private final CountDownLatch stopped = new CountDownLatch(1);
        private final List<Thread> threads = new ArrayList<>();
        private final Counter rounds;
        private final Counter items;
        private final Counter errors;
        private final Timer roundTime;
        /** When the worker last found a full round after catching up (System.nanoTime), or 0 while it keeps up. */
        private volatile long behindSince;

        Loop(Worker.Spec spec) {
            this.spec = spec;
            this.worker = new Worker(spec, this::wake);
            String name = spec.name();
            rounds = Counter.builder("tendril.worker.rounds").description("Rounds that found work").tag("worker", name).register(meters);
            items = Counter.builder("tendril.worker.items").description("Items claimed").tag("worker", name).register(meters);
            errors = Counter.builder("tendril.worker.errors").description("Rounds that failed").tag("worker", name).register(meters);
            roundTime = Timer.builder("tendril.worker.round").description("Time per round that found work").tag("worker", name)
                    .register(meters);
            Gauge.builder("tendril.worker.lag", this, Loop::lagSeconds).description("Seconds since the worker was last caught up")
                    .baseUnit("seconds").tag("worker", name).register(meters);
            if (spec.depth() != null) {
                Gauge.builder("tendril.worker.queue.depth", this, Loop::depth).description("Items due").tag("worker", name)
                        .register(meters);
            }
        }

        void start() {
            for (int i = 0; i < spec.threads(); i++) {
                Thread t = Thread.ofPlatform().daemon().name("worker-" + spec.name() + (spec.threads() > 1 ? "-" + i : ""))
                        .unstarted(this::loop);
                threads.add(t);
                t.start();
            }
        }

        void wake() {
            if (signal.availablePermits() < spec.threads()) {
                signal.release();
            }
        }

        void stopping() {
            stopped.countDown();
            signal.release(spec.threads());
        }

        void join(long deadline) {
            for (Thread t : threads) {
                try {
                    if (!t.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
                        log.warn("Worker {} still busy at shutdown; what it holds is rolled back and claimed again", spec.name());
                        t.interrupt();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private boolean isStopping() {
            return stopped.getCount() == 0;
        }

        private void loop() {
            int failures = 0;
            try {
                if (stopped.await(spec.initialDelay().toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
                while (!isStopping()) {
                    try {
                        runRounds();
                        failures = 0;
                        if (signal.tryAcquire(spec.poll().toMillis(), TimeUnit.MILLISECONDS)) {
                            signal.drainPermits(); // wakes that came during the rounds: their work was claimed already
                        }
                    } catch (InterruptedException e) {
                        throw e;
                    } catch (Exception e) {
                        failures++;
                        errors.increment();
                        log.warn("Worker {} failed a round; its work stays claimable and is retried", spec.name(), e);
                        stopped.await(backoff(failures).toMillis(), TimeUnit.MILLISECONDS);
                    }
                }
            } catch (InterruptedException e) {
                // interrupted at shutdown after the grace period: the round's transaction rolls back
            }
        }

        private void runRounds() throws Exception {
            while (!isStopping()) {
                long start = System.nanoTime();
                int claimed = spec.round().run(this::isStopping);
                if (claimed > 0) {
                    rounds.increment();
                    items.increment(claimed);
                    roundTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                }
                if (claimed >= spec.batch()) {
                    if (behindSince == 0) {
                        behindSince = System.nanoTime();
                    }
                } else {
                    behindSince = 0;
                }
                if (claimed == 0 || spec.periodic()) {
                    return;
                }
                if (pausesAfter(claimed, spec.batch(), roundGap)) {
                    stopped.await(roundGap.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        }

        private double lagSeconds() {
            long since = behindSince;
            return since == 0 ? 0 : (System.nanoTime() - since) / 1e9;
        }

        private double depth() {
            try {
                return spec.depth().getAsLong();
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        }
    }
}
