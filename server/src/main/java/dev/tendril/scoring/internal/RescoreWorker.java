package dev.tendril.scoring.internal;

import dev.tendril.contact.Contacts;
import dev.tendril.scoring.internal.RescoreJobs.Claimed;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs workspace rescores: claims a job ({@code FOR UPDATE SKIP LOCKED}, so nodes share them) and
 * rescores {@value #BATCH} contacts per transaction, committing each batch with the job's progress,
 * so a job interrupted by a restart resumes after its last committed batch once its heartbeat is stale.
 */
@Component
class RescoreWorker {
    static final int BATCH = 2000;
    private static final Duration STALE = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(RescoreWorker.class);

    private final RescoreJobs jobs;
    private final RescoreContacts rescore;
    private final Contacts contacts;
    private final TransactionTemplate tx;
    private final AtomicBoolean busy = new AtomicBoolean();

    RescoreWorker(RescoreJobs jobs, RescoreContacts rescore, Contacts contacts, TransactionTemplate tx) {
        this.jobs = jobs;
        this.rescore = rescore;
        this.contacts = contacts;
        this.tx = tx;
    }

    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    void poll() {
        if (!busy.compareAndSet(false, true)) {
            return;
        }
        try {
            Optional<Claimed> job;
            while ((job = jobs.claim(STALE)).isPresent()) {
                run(job.get());
            }
        } catch (RuntimeException e) {
            log.warn("Rescore paused; it resumes once its heartbeat is stale: {}", e.toString());
        } finally {
            busy.set(false);
        }
    }

    /** Looks for work now rather than at the next poll (a model was just saved). */
    void wake() {
        Thread.ofVirtual().name("rescore-wake").start(this::poll);
    }

    private void run(Claimed job) {
        String reason = "model v" + job.modelVersion();
        long last = job.lastContactId();
        int done = job.done();
        while (true) {
            long[] batch = contacts.idsBelow(job.workspaceId(), last == 0 ? Long.MAX_VALUE : last, BATCH);
            List<Long> ids = LongStream.of(batch).boxed().toList();
            if (ids.isEmpty()) {
                jobs.complete(job.id());
                return;
            }
            long lowest = ids.getLast();
            int before = done;
            Boolean kept = tx.execute(status -> {
                rescore.rescore(job.workspaceId(), ids, reason);
                if (!jobs.progress(job.id(), before, ids.size(), lowest)) {
                    status.setRollbackOnly(); // superseded by a newer model, or taken over
                    return false;
                }
                return true;
            });
            if (!Boolean.TRUE.equals(kept)) {
                return;
            }
            done += ids.size();
            last = lowest;
        }
    }
}
