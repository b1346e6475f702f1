package dev.tendril.scoring.internal;

import dev.tendril.condition.Condition;
import dev.tendril.condition.Conditions;
import dev.tendril.condition.EventTests;
import dev.tendril.contact.Contacts;
import dev.tendril.platform.Worker;
import dev.tendril.platform.Workers;
import dev.tendril.scoring.internal.RescoreJobStore.Claimed;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs workspace rescores: claims a job ({@code FOR UPDATE SKIP LOCKED}, so nodes share them) and
 * rescores its contacts from the highest id down in rounds of {@code tendril.scoring.rescore-round}
 * (default 2,000) contacts per transaction, two rounds at a time: within a round the JVM and PostgreSQL
 * take turns, so one round at a time leaves half of two cores idle. The job's progress, written about once a
 * second, moves past a round only once every round above it has committed, so a job interrupted by a restart
 * resumes (once its heartbeat is stale) at most a second's rounds above where it stopped; rescoring a contact
 * again changes nothing twice.
 * Before its rounds, a run evaluates the model's event tests for the whole workspace in one pass over its
 * events ({@link Conditions#eventTests}); its rounds score as of that instant, and leave alone contacts
 * scored since (by fresh events, which that score read too).
 */
@Component
class WorkspaceRescores {
    static final int IN_FLIGHT = 2;
    /** Rounds whose contact ids are fetched at once. */
    private static final int AHEAD = 8;
    /** How often progress (and the heartbeat) is written: it waits for the rounds in flight to let go of the job's row. */
    private static final Duration REPORT = Duration.ofSeconds(1);
    private static final Duration STALE = Duration.ofMinutes(1);
    private static final Duration BEAT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(WorkspaceRescores.class);

    private record Round(long[] ids, Future<Boolean> kept) {}

    private final RescoreJobStore jobs;
    private final RescoreContacts rescore;
    private final Contacts contacts;
    private final ModelStore models;
    private final Conditions conditions;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final int roundSize;
    private final Worker worker;

    WorkspaceRescores(RescoreJobStore jobs, RescoreContacts rescore, Contacts contacts, ModelStore models, Conditions conditions, Clock clock,
            TransactionTemplate tx, @Value("${tendril.scoring.rescore-round:2000}") int roundSize, Workers workers) {
        this.jobs = jobs;
        this.rescore = rescore;
        this.contacts = contacts;
        this.models = models;
        this.conditions = conditions;
        this.clock = clock;
        this.tx = tx;
        this.roundSize = roundSize;
        this.worker = workers.define(Worker.Spec.queue("workspace-rescores", 1, this::claimAndRun));
    }

    /** A worker round: claims a job and runs it, until it is done or the worker stops; how many jobs it claimed. */
    private int claimAndRun(BooleanSupplier stopping) {
        Optional<Claimed> job = jobs.claim(STALE);
        if (job.isEmpty()) {
            return 0;
        }
        try (ExecutorService rounds = Executors.newFixedThreadPool(IN_FLIGHT, Thread.ofPlatform().name("rescore-round-", 0).factory())) {
            run(job.get(), rounds, stopping);
        }
        return 1;
    }

    /** Looks for work once the current transaction commits rather than at the next poll (a model is being saved). */
    void wakeAfterCommit() {
        worker.wakeAfterCommit();
    }

    /** One round in its own transaction; false, and rolled back, when the job was superseded by a newer model or taken over. */
    private boolean rescoreRound(Claimed job, long[] ids, String reason, EventTests known) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            rescore.rescore(job.workspaceId(), LongStream.of(ids).boxed().toList(), reason, known);
            if (!jobs.holds(job)) {
                status.setRollbackOnly();
                return false;
            }
            return true;
        }));
    }

    /**
     * The model's event tests for the whole workspace, in one pass over its events, while this thread keeps the
     * job's heartbeat fresh (a large workspace may take longer than {@link #STALE}); empty when the job was
     * superseded or taken over meanwhile.
     */
    private Optional<EventTests> eventTests(Claimed job, ExecutorService pool) throws InterruptedException, ExecutionException {
        List<Condition> tests = models.version(job.workspaceId(), job.modelVersion()).conditions();
        long start = System.nanoTime();
        Future<EventTests> pass = pool.submit(() -> conditions.eventTests(job.workspaceId(), tests, clock.instant()));
        while (true) {
            try {
                EventTests known = pass.get(BEAT.toMillis(), TimeUnit.MILLISECONDS);
                log.info("Rescore of workspace {} for model v{}: its event tests took {} ms", job.workspaceId(), job.modelVersion(),
                        (System.nanoTime() - start) / 1_000_000);
                return Optional.of(known);
            } catch (TimeoutException e) {
                if (!jobs.progress(job, job.done(), job.lastContactId())) {
                    pass.cancel(true);
                    return Optional.empty();
                }
            }
        }
    }

    private void run(Claimed job, ExecutorService pool, BooleanSupplier stopping) {
        String reason = "model v" + job.modelVersion();
        long next = job.lastContactId() == 0 ? Long.MAX_VALUE : job.lastContactId();
        int done = job.done();
        long doneDownTo = job.lastContactId();
        long reportedAt = System.nanoTime();
        Deque<long[]> ahead = new ArrayDeque<>();
        Deque<Round> inFlight = new ArrayDeque<>();
        try {
            Optional<EventTests> evaluated = eventTests(job, pool);
            if (evaluated.isEmpty()) {
                return;
            }
            EventTests known = evaluated.get();
            while (true) {
                while (inFlight.size() < IN_FLIGHT && (!ahead.isEmpty() || next > 0) && !stopping.getAsBoolean()) {
                    if (ahead.isEmpty()) {
                        long[] ids = contacts.idsBelow(job.workspaceId(), next, roundSize * AHEAD);
                        next = ids.length == 0 ? 0 : ids[ids.length - 1];
                        for (int from = 0; from < ids.length; from += roundSize) {
                            ahead.add(Arrays.copyOfRange(ids, from, Math.min(from + roundSize, ids.length)));
                        }
                        continue;
                    }
                    long[] ids = ahead.poll();
                    inFlight.add(new Round(ids, pool.submit(() -> rescoreRound(job, ids, reason, known))));
                }
                if (inFlight.isEmpty()) {
                    // Stopped with contacts left: the job resumes from its progress once its heartbeat is stale.
                    if (jobs.progress(job, done, doneDownTo) && !stopping.getAsBoolean()) {
                        jobs.complete(job);
                    }
                    return;
                }
                Round oldest = inFlight.poll();
                if (!oldest.kept().get()) {
                    return;
                }
                done += oldest.ids().length;
                doneDownTo = oldest.ids()[oldest.ids().length - 1];
                if (System.nanoTime() - reportedAt >= REPORT.toNanos()) {
                    if (!jobs.progress(job, done, doneDownTo)) {
                        return;
                    }
                    reportedAt = System.nanoTime();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rescoring", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            // No round outlives its job's run: the next job, or a takeover, starts from committed progress.
            for (Round round : inFlight) {
                try {
                    round.kept().get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException e) {
                    log.debug("A rescore round failed after its job stopped", e.getCause());
                }
            }
        }
    }
}
