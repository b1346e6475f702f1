package dev.tendril.segment.internal;

import dev.tendril.platform.RoundGap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The real-time worker: one thread per node that drains pending changes when a change commits, and
 * at least every second (changes committed on other nodes, or left by a crash). Changes that arrive
 * while it works, or during the short {@link RoundGap} after a round, pile up and are handled together in the
 * next round: load coalesces instead of queueing one task per batch.
 */
@Component
class RealtimeSegments implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(RealtimeSegments.class);

    private final ReevaluateChanged reevaluate;
    private final RoundGap gap;
    private final Semaphore signal = new Semaphore(0);
    private volatile Thread thread;

    RealtimeSegments(ReevaluateChanged reevaluate, RoundGap gap) {
        this.reevaluate = reevaluate;
        this.gap = gap;
    }

    void wake() {
        signal.release();
    }

    @Override
    public void start() {
        // Assigned before it runs: the loop ends as soon as it is not the current worker.
        Thread t = Thread.ofPlatform().daemon().name("segments-realtime").unstarted(this::loop);
        thread = t;
        t.start();
    }

    @Override
    public void stop() {
        Thread t = thread;
        thread = null;
        if (t != null) {
            t.interrupt();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void loop() {
        while (thread == Thread.currentThread()) {
            try {
                signal.tryAcquire(1, TimeUnit.SECONDS);
                signal.drainPermits();
                for (int handled; thread == Thread.currentThread() && (handled = reevaluate.run()) > 0; ) {
                    gap.after(handled, ReevaluateChanged.CLAIM);
                }
            } catch (InterruptedException e) {
                if (thread == Thread.currentThread()) {
                    log.warn("Real-time segment worker interrupted without being stopped; it ends", e);
                }
                return;
            } catch (RuntimeException e) {
                if (thread != Thread.currentThread()) {
                    return;
                }
                log.warn("Real-time segment update failed; the changes stay pending and are retried", e);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }
}
