package dev.tendril.segment.internal;

import dev.tendril.contact.CompanyEdited;
import dev.tendril.contact.ContactsEdited;
import dev.tendril.event.ContactsChanged;
import dev.tendril.platform.AfterCommit;
import dev.tendril.segment.SegmentInputs;
import dev.tendril.segment.internal.PendingStore.Reads;
import java.util.Collection;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Notes changed contacts for re-evaluation in the transaction that changed them (one row per batch,
 * so a crash loses nothing and ingestion pays one or two inserts), and wakes the real-time worker once that
 * transaction commits. An ingestion batch's contacts are noted with what changed about them: events only,
 * or their own data too (created, identified, given traits); an edit through the contact API changes
 * contact data only. Segments reading neither skip them: scores are followed once they are recomputed. Static list changes and score changes
 * (through {@link #note(long, long[], Reads)} and {@link SegmentInputs}) re-evaluate only the segments
 * reading them.
 */
@Component
class PendingChanges implements SegmentInputs {
    private final PendingStore store;
    private final RealtimeSegments worker;

    PendingChanges(PendingStore store, RealtimeSegments worker) {
        this.store = store;
        this.worker = worker;
    }

    @EventListener
    void note(ContactsChanged changed) {
        note(changed.workspaceId(), sorted(changed.dataChanged()), Reads.ALL);
        note(changed.workspaceId(), sorted(changed.contactIds().stream().filter(id -> !changed.dataChanged().contains(id)).toList()), Reads.EVENTS);
    }

    @EventListener
    void note(ContactsEdited edited) {
        note(edited.workspaceId(), sorted(edited.contactIds()), Reads.CONTACT_DATA);
    }

    /** Company attributes count as the contact's own data in conditions. */
    @EventListener
    void note(CompanyEdited edited) {
        note(edited.workspaceId(), sorted(edited.contactIds()), Reads.CONTACT_DATA);
    }

    @Override
    public void scoresChanged(long workspaceId, Collection<Long> rated, Collection<Long> numbersOnly) {
        note(workspaceId, sorted(rated), Reads.SCORES);
        note(workspaceId, sorted(numbersOnly), Reads.SCORE_NUMBERS);
    }

    @Override
    public void subscriptionsChanged(long workspaceId, Collection<Long> contactIds) {
        note(workspaceId, sorted(contactIds), Reads.CONTACT_DATA);
    }

    private static long[] sorted(Collection<Long> contactIds) {
        return contactIds.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
    }

    /** Notes contacts in the caller's transaction and wakes the worker once it commits. */
    void note(long workspaceId, long[] contactIds, Reads reads) {
        store.insert(workspaceId, contactIds, reads);
        if (contactIds.length > 0) {
            AfterCommit.once(this, worker::wake);
        }
    }
}
