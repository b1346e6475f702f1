package dev.tendril.segment.internal;

import dev.tendril.contact.CompanyEdited;
import dev.tendril.contact.ContactEdited;
import dev.tendril.event.ContactsChanged;
import dev.tendril.platform.AfterCommit;
import dev.tendril.segment.SegmentInputs;
import dev.tendril.segment.internal.PendingStore.Reads;
import java.util.Collection;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Notes changed contacts for re-evaluation in the transaction that changed them (one row per batch,
 * so a crash loses nothing and ingestion pays one insert), and wakes the real-time worker once that
 * transaction commits. An ingestion batch may have changed events, traits or the company, so its
 * contacts are re-evaluated for every segment; an edit through the contact API changes contact data
 * only, so segments that read nothing but events skip it. Static list changes and score changes
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
        note(changed.workspaceId(), changed.contactIds().stream().mapToLong(Long::longValue).sorted().toArray(), Reads.ALL);
    }

    @EventListener
    void note(ContactEdited edited) {
        note(edited.workspaceId(), new long[] {edited.contactId()}, Reads.CONTACT_DATA);
    }

    /** Company attributes count as the contact's own data in conditions. */
    @EventListener
    void note(CompanyEdited edited) {
        note(edited.workspaceId(), edited.contactIds().stream().mapToLong(Long::longValue).sorted().toArray(), Reads.CONTACT_DATA);
    }

    @Override
    public void scoresChanged(long workspaceId, Collection<Long> rated, Collection<Long> numbersOnly) {
        note(workspaceId, rated.stream().mapToLong(Long::longValue).sorted().distinct().toArray(), Reads.SCORES);
        note(workspaceId, numbersOnly.stream().mapToLong(Long::longValue).sorted().distinct().toArray(), Reads.SCORE_NUMBERS);
    }

    @Override
    public void subscriptionsChanged(long workspaceId, Collection<Long> contactIds) {
        note(workspaceId, contactIds.stream().mapToLong(Long::longValue).sorted().distinct().toArray(), Reads.CONTACT_DATA);
    }

    /** Notes contacts in the caller's transaction and wakes the worker once it commits. */
    void note(long workspaceId, long[] contactIds, Reads reads) {
        store.insert(workspaceId, contactIds, reads);
        if (contactIds.length > 0) {
            AfterCommit.once(this, worker::wake);
        }
    }
}
