package dev.tendril.scoring.internal;

import dev.tendril.contact.CompanyEdited;
import dev.tendril.contact.ContactsEdited;
import dev.tendril.contact.StageChanged;
import dev.tendril.contact.SubscriptionChanged;
import dev.tendril.event.ContactsChanged;
import dev.tendril.platform.PlanCache;
import dev.tendril.platform.Worker;
import dev.tendril.platform.Workers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rescores contacts whose data changed: after every committed event batch ({@code ContactsChanged}), after edits
 * through the contact API, REST or CSV import ({@code ContactsEdited}), for every contact of a company that changed
 * ({@code CompanyEdited}: firmographic rules read it), after a stage move ({@code StageChanged}) and after a
 * subscription change ({@code SubscriptionChanged}: rules may test subscription status). The change is noted as
 * {@code score_pending} rows in the changing transaction, so a crash loses nothing, and a worker rescores them after
 * commit in rounds per workspace. The rounds bound what scoring takes from the connection pool: under heavy
 * ingestion scores lag behind instead of starving it. A stage move is a change too; its rescore moves no further, as
 * automatic rules only move forward.
 */
@Component
class RescorePending {
    static final String EDITED = "contact edited";
    static final String EVENT_BATCH = ScorePendingStore.EVENT_BATCH;
    static final String COMPANY_EDITED = "company edited";
    static final String STAGE_CHANGED = "stage changed";
    static final String SUBSCRIPTION_CHANGED = "subscription changed";
    // Rounds of up to 2,000 pending rows (about 1,000 contacts under load): a round costs a fixed number of queries whatever
    // its size, so rounds of 500 fell behind 5,000 events/s where these keep up (bench/run ingest, docs/benchmarks.md),
    // while rounds alternate between workspaces, so one workspace's backlog (a CSV import) holds up another's events by
    // one round (~0.1 s) at most.
    static final int CLAIM = 2000;
    private static final Logger log = LoggerFactory.getLogger(RescorePending.class);

    private final ScorePendingStore store;
    private final RescoreContacts rescore;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;
    private final Worker worker;

    RescorePending(ScorePendingStore store, RescoreContacts rescore, TransactionTemplate tx, JdbcClient jdbc, Workers workers) {
        this.store = store;
        this.rescore = rescore;
        this.tx = tx;
        this.jdbc = jdbc;
        this.worker = workers.define(Worker.Spec.queue("pending-rescores", CLAIM, stop -> drainEachWorkspace()).depth(store::depth));
    }

    @EventListener
    void on(ContactsEdited edited) {
        note(edited.workspaceId(), edited.contactIds(), EDITED);
    }

    @EventListener
    void on(ContactsChanged changed) {
        note(changed.workspaceId(), changed.contactIds(), EVENT_BATCH);
    }

    @EventListener
    void on(CompanyEdited edited) {
        note(edited.workspaceId(), edited.contactIds(), COMPANY_EDITED);
    }

    @EventListener
    void on(StageChanged changed) {
        note(changed.workspaceId(), List.of(changed.contactId()), STAGE_CHANGED);
    }

    @EventListener
    void on(SubscriptionChanged changed) {
        note(changed.workspaceId(), List.of(changed.contactId()), SUBSCRIPTION_CHANGED);
    }

    /** In the changing transaction; the worker is woken once it commits (once per transaction, however many notes). */
    private void note(long workspaceId, Collection<Long> contactIds, String reason) {
        store.insert(workspaceId, contactIds, reason);
        worker.wakeAfterCommit();
    }

    /** Wakes the worker now (contacts were noted outside a change, e.g. as time passed). */
    void wake() {
        worker.wake();
    }

    /** One round: a batch of each workspace with pending contacts; how many rows the fullest batch claimed. */
    private int drainEachWorkspace() {
        int fullest = 0;
        for (long workspaceId : store.workspaces()) {
            fullest = Math.max(fullest, drain(workspaceId));
        }
        return fullest;
    }

    /**
     * Claims the changes of up to {@link #CLAIM} contacts of one workspace and rescores them in the same transaction, so a
     * crash or a lock conflict puts them back; one workspace's trouble never holds up another's. Returns how many
     * pending rows it claimed.
     */
    private int drain(long workspaceId) {
        try {
            return tx.execute(status -> {
                PlanCache.reuseInThisTransaction(jdbc, CLAIM);
                ScorePendingStore.Claimed claimed = store.claim(workspaceId, CLAIM);
                // Each contact once, under all the reasons it was pending for.
                Map<String, List<Long>> byReason = new TreeMap<>();
                claimed.reasons().forEach((contact, why) -> byReason.computeIfAbsent(String.join(", ", why), r -> new ArrayList<>()).add(contact));
                byReason.forEach((reason, ids) -> rescore.rescore(workspaceId, ids, reason));
                return claimed.rows();
            });
        } catch (RuntimeException e) {
            log.warn("Rescoring pending contacts of workspace {} failed; they stay pending and are retried", workspaceId, e);
            return 0;
        }
    }
}
