package dev.tendril.platform;

import static dev.tendril.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkersTest {
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Workers workers = new Workers(Duration.ZERO, meters);

    @AfterEach
    void stop() {
        workers.stop();
    }

    @Test
    void pausesOnlyBetweenRoundsOfAWorkerThatKeepsUp() {
        Duration gap = Duration.ofMillis(100);
        assertThat(Workers.pausesAfter(1, 500, gap)).isTrue();
        assertThat(Workers.pausesAfter(499, 500, gap)).isTrue();
        assertThat(Workers.pausesAfter(0, 500, gap)).as("nothing was due: the worker goes idle").isFalse();
        assertThat(Workers.pausesAfter(500, 500, gap)).as("a full round: the worker is behind").isFalse();
        assertThat(Workers.pausesAfter(2600, 2000, gap)).as("claiming whole contacts may overshoot").isFalse();
        assertThat(Workers.pausesAfter(1, 500, Duration.ZERO)).as("no gap configured").isFalse();
    }

    @Test
    void backsOffByDoublingUpToThirtySeconds() {
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 40).stream().map(Workers::backoff).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    @Test
    void aWakeRunsRoundsUntilOneFindsNothing() throws InterruptedException {
        AtomicInteger due = new AtomicInteger(5);
        List<Integer> rounds = new CopyOnWriteArrayList<>();
        CountDownLatch drained = new CountDownLatch(1);
        Worker worker = workers.define(new Worker.Spec("test", stop -> {
            int claimed = Math.min(2, due.get());
            due.addAndGet(-claimed);
            rounds.add(claimed);
            if (claimed == 0) {
                drained.countDown();
            }
            return claimed;
        }, 2, 1, Duration.ofHours(1), Duration.ZERO, false, due::get));
        workers.start();
        assertThat(drained.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(rounds).startsWith(2, 2, 1, 0);

        due.set(3);
        worker.wake();
        assertThat(eventually(due::get, n -> n == 0)).as("a wake starts rounds at once, not after the hour's poll").isZero();
        assertThat(meters.get("tendril.worker.items").tag("worker", "test").counter().count()).isEqualTo(8);
        assertThat(meters.get("tendril.worker.queue.depth").tag("worker", "test").gauge().value()).isZero();
    }

    @Test
    void aFailedRoundIsRetriedAfterABackoff() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch retried = new CountDownLatch(1);
        workers.define(new Worker.Spec("failing", stop -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("the database went away");
            }
            retried.countDown();
            return 0;
        }, 10, 1, Duration.ofHours(1), Duration.ZERO, false, null));
        workers.start();
        assertThat(retried.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(meters.get("tendril.worker.errors").tag("worker", "failing").counter().count()).isEqualTo(1);
    }

    @Test
    void stoppingLetsTheRoundUnderWayFinishAndStartsNoOther() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger rounds = new AtomicInteger();
        AtomicInteger sawStop = new AtomicInteger();
        workers.define(new Worker.Spec("long", stop -> {
            rounds.incrementAndGet();
            started.countDown();
            while (!stop.getAsBoolean()) {
                Thread.onSpinWait();
            }
            sawStop.incrementAndGet();
            return 1;
        }, 1, 1, Duration.ofHours(1), Duration.ZERO, false, null));
        workers.start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        workers.stop();
        assertThat(sawStop.get()).as("the round saw the stop and returned before stop() did").isEqualTo(1);
        assertThat(rounds.get()).isEqualTo(1);
        assertThat(workers.isRunning()).isFalse();
    }

    @Test
    void aPeriodicWorkerRunsOneRoundPerInterval() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        AtomicInteger rounds = new AtomicInteger();
        workers.define(Worker.Spec.every("hourly", Duration.ofHours(1), Duration.ZERO, stop -> {
            rounds.incrementAndGet();
            ran.countDown();
            return 5; // found work, yet waits for the next interval
        }));
        workers.start();
        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        workers.stop();
        assertThat(rounds.get()).isEqualTo(1);
    }
}
