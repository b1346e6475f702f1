package dev.tendril.segment.internal;

import dev.tendril.contact.CompanyEdited;
import dev.tendril.contact.ContactsEdited;
import dev.tendril.contact.StageChanged;
import dev.tendril.contact.SubscriptionChanged;
import dev.tendril.event.ContactsChanged;
import dev.tendril.platform.Worker;
import dev.tendril.platform.Workers;
import dev.tendril.scoring.GradeChanged;
import dev.tendril.scoring.ScoreChanged;
import dev.tendril.scoring.TemperatureChanged;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Segments listen: the changes of the modules below (ingested batches, contact and company edits, stage moves,
 * consent, scores) are noted for re-evaluation in the transaction that made them, so a crash loses nothing, with
 * what changed, so only the segments reading it look at them. A transaction's notes are gathered and written at
 * its commit, one {@code segment_pending} row per workspace and kind however many events it published (a rescore
 * round publishes one per contact); the real-time worker ({@link ReevaluateChanged}) is woken once it commits.
 */
@Component
class PendingChanges {
    private final PendingChangeStore store;
    private final Worker worker;

    PendingChanges(PendingChangeStore store, ReevaluateChanged reevaluate, Workers workers) {
        this.store = store;
        this.worker = workers.define(Worker.Spec.queue("segment-changes", ReevaluateChanged.CLAIM, stop -> reevaluate.run())
                .depth(store::depth));
    }

    @EventListener
    void on(ContactsChanged changed) {
        note(changed.workspaceId(), changed.dataChanged(), ChangeKind.ALL);
        note(changed.workspaceId(), changed.contactIds().stream().filter(id -> !changed.dataChanged().contains(id)).toList(),
                ChangeKind.EVENTS);
    }

    @EventListener
    void on(ContactsEdited edited) {
        note(edited.workspaceId(), edited.contactIds(), ChangeKind.CONTACT_DATA);
    }

    /** Company attributes count as the contact's own data in conditions. */
    @EventListener
    void on(CompanyEdited edited) {
        note(edited.workspaceId(), edited.contactIds(), ChangeKind.CONTACT_DATA);
    }

    @EventListener
    void on(SubscriptionChanged changed) {
        note(changed.workspaceId(), Set.of(changed.contactId()), ChangeKind.CONTACT_DATA);
    }

    @EventListener
    void on(StageChanged changed) {
        note(changed.workspaceId(), Set.of(changed.contactId()), ChangeKind.STAGE);
    }

    /** A first score counts as a rating change: segments reading ratings alone may not have seen the contact yet. */
    @EventListener
    void on(ScoreChanged changed) {
        note(changed.workspaceId(), Set.of(changed.contactId()), changed.first() ? ChangeKind.SCORES : ChangeKind.SCORE_NUMBERS);
    }

    @EventListener
    void on(GradeChanged changed) {
        note(changed.workspaceId(), Set.of(changed.contactId()), ChangeKind.SCORES);
    }

    @EventListener
    void on(TemperatureChanged changed) {
        note(changed.workspaceId(), Set.of(changed.contactId()), ChangeKind.SCORES);
    }

    void note(long workspaceId, long[] contactIds, ChangeKind kind) {
        note(workspaceId, LongStream.of(contactIds).boxed().toList(), kind);
    }

    /** Notes contacts in the caller's transaction (written at its commit), or at once without one. */
    void note(long workspaceId, Collection<Long> contactIds, ChangeKind kind) {
        if (contactIds.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            store.insert(workspaceId, sorted(contactIds), kind);
            worker.wake();
            return;
        }
        Noted noted = (Noted) TransactionSynchronizationManager.getResource(this);
        if (noted == null) {
            noted = new Noted();
            TransactionSynchronizationManager.bindResource(this, noted);
            TransactionSynchronizationManager.registerSynchronization(noted);
        }
        noted.byKind.computeIfAbsent(kind, k -> new TreeMap<>()).computeIfAbsent(workspaceId, ws -> new TreeSet<>()).addAll(contactIds);
    }

    private static long[] sorted(Collection<Long> contactIds) {
        return contactIds.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
    }

    /** One transaction's notes, written just before it commits. */
    private final class Noted implements TransactionSynchronization {
        final Map<ChangeKind, Map<Long, Set<Long>>> byKind = new EnumMap<>(ChangeKind.class);

        @Override
        public void beforeCommit(boolean readOnly) {
            byKind.forEach((kind, byWorkspace) -> byWorkspace.forEach((ws, ids) -> store.insert(ws, sorted(ids), kind)));
        }

        @Override
        public void afterCommit() {
            worker.wake();
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(PendingChanges.this);
        }
    }
}
