package dev.tendril.contact.internal;

import dev.tendril.contact.internal.ImportJobStore.Claimed;
import dev.tendril.platform.Worker;
import dev.tendril.platform.Workers;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionSystemException;

/**
 * Claims queued import jobs ({@code FOR UPDATE SKIP LOCKED}, so nodes share them) and runs up to
 * {@value #PARALLEL} at a time, one per worker thread. A job whose heartbeat has gone stale for
 * {@code STALE} (its node died) is claimed again and resumes after its last counted chunk.
 */
@Component
class ImportWorker {
    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);
    private static final int PARALLEL = 2;
    private static final Duration STALE = Duration.ofMinutes(1);

    private final ImportJobStore jobs;
    private final RunImport runner;
    private final Worker worker;

    ImportWorker(ImportJobStore jobs, RunImport runner, Workers workers) {
        this.jobs = jobs;
        this.runner = runner;
        this.worker = workers.define(Worker.Spec.queue("imports", 1, this::claimAndRun).threads(PARALLEL));
    }

    /** Looks for work now rather than at the next poll (a job was just queued). */
    void wake() {
        worker.wakeAfterCommit();
    }

    /** A worker round: claims a job and runs it until it is done or the worker stops; how many jobs it claimed. */
    private int claimAndRun(BooleanSupplier stopping) {
        Optional<Claimed> job = jobs.claim(STALE);
        if (job.isEmpty()) {
            return 0;
        }
        try {
            runner.run(job.get(), stopping);
        } catch (RuntimeException e) {
            if (stopping.getAsBoolean() || databaseUnavailable(e)) {
                // the chunk rolled back; the job stays running and resumes, here or elsewhere, once its heartbeat is stale
                log.warn("Import {} paused after its last counted chunk: {}", job.get().id(), e.toString());
                return 1;
            }
            log.error("Import {} failed", job.get().id(), e);
            jobs.finish(job.get().id(), "failed", "the import stopped on an internal error: " + e.getMessage());
        }
        return 1;
    }

    private static boolean databaseUnavailable(RuntimeException e) {
        return e instanceof TransientDataAccessException || e instanceof RecoverableDataAccessException
                || e instanceof DataAccessResourceFailureException || e instanceof TransactionSystemException;
    }
}
