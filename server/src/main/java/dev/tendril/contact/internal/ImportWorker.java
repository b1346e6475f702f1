package dev.tendril.contact.internal;

import dev.tendril.contact.internal.ImportJobs.Claimed;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionSystemException;

/**
 * Claims queued import jobs ({@code FOR UPDATE SKIP LOCKED}, so nodes share them) and runs up to
 * {@value #PARALLEL} at a time, each on its own virtual thread. A job whose heartbeat has gone
 * stale for {@code STALE} (its node died) is claimed again and resumes after its last counted chunk.
 */
@Component
class ImportWorker {
    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);
    private static final int PARALLEL = 2;
    private static final Duration STALE = Duration.ofMinutes(1);

    private final ImportJobs jobs;
    private final RunImport runner;
    private final Semaphore slots = new Semaphore(PARALLEL);
    private volatile boolean stopping;

    ImportWorker(ImportJobs jobs, RunImport runner) {
        this.jobs = jobs;
        this.runner = runner;
    }

    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    void poll() {
        while (!stopping && slots.tryAcquire()) {
            Optional<Claimed> job;
            try {
                job = jobs.claim(STALE);
            } catch (RuntimeException e) {
                slots.release();
                throw e;
            }
            if (job.isEmpty()) {
                slots.release();
                return;
            }
            Thread.ofVirtual().name("import-" + job.get().id()).start(() -> {
                try {
                    run(job.get());
                } finally {
                    slots.release();
                }
            });
        }
    }

    /** Looks for work now rather than at the next poll (a job was just queued). */
    void wake() {
        Thread.ofVirtual().start(this::poll);
    }

    private void run(Claimed job) {
        try {
            runner.run(job, () -> stopping);
        } catch (RuntimeException e) {
            if (stopping || databaseUnavailable(e)) {
                // the chunk rolled back; the job stays running and resumes, here or elsewhere, once its heartbeat is stale
                log.warn("Import {} paused after its last counted chunk: {}", job.id(), e.toString());
                return;
            }
            log.error("Import {} failed", job.id(), e);
            jobs.finish(job.id(), "failed", "the import stopped on an internal error: " + e.getMessage());
        }
    }

    private static boolean databaseUnavailable(RuntimeException e) {
        return e instanceof TransientDataAccessException || e instanceof RecoverableDataAccessException
                || e instanceof DataAccessResourceFailureException || e instanceof TransactionSystemException;
    }

    /** Lets running jobs finish their chunk and hand themselves back to the queue. */
    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        if (!slots.tryAcquire(PARALLEL, 30, TimeUnit.SECONDS)) {
            log.warn("Import jobs still running at shutdown; they resume when their heartbeat is stale");
        }
    }
}
