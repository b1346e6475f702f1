package dev.tendril.event.internal;

import dev.tendril.platform.OverloadedException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Bounds how many ingestion requests wait for the {@link GroupCommit} writers at once, so a flood of batches
 * queues neither in memory nor for long. A request that finds no room within a short wait is refused with 503 and
 * {@code Retry-After} (Segment clients back off and retry) rather than queued: under overload, callers learn it in
 * time and what is accepted stays fast. (Ingestion holds only the writers' connections, never the whole pool.)
 */
@Component
class IngestAdmission {
    private final Semaphore permits;
    private final Duration wait;

    IngestAdmission(@Value("${tendril.ingest.max-concurrent:10}") int maxConcurrent,
            @Value("${tendril.ingest.max-wait:2s}") Duration wait) {
        this.permits = new Semaphore(maxConcurrent, true);
        this.wait = wait;
    }

    <T> T admit(Supplier<T> work) {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OverloadedException("Interrupted while waiting to store events", Duration.ofSeconds(1));
        }
        if (!admitted) {
            throw new OverloadedException("Too many event batches are being stored; retry shortly", Duration.ofSeconds(1));
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
