package dev.tendril.segment.internal;

import dev.tendril.contact.ContactEdited;
import dev.tendril.event.ContactsChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Notes changed contacts for re-evaluation in the transaction that changed them (one row per batch,
 * so a crash loses nothing and ingestion pays one insert), and wakes the real-time worker once that
 * transaction commits. An ingestion batch may have changed events, traits or the company, so its
 * contacts are re-evaluated for every segment; an edit through the contact API changes contact data
 * only, so segments that read nothing but events skip it.
 */
@Component
class PendingChanges {
    private final JdbcClient jdbc;
    private final RealtimeSegments worker;

    PendingChanges(JdbcClient jdbc, RealtimeSegments worker) {
        this.jdbc = jdbc;
        this.worker = worker;
    }

    @EventListener
    void note(ContactsChanged changed) {
        insert(changed.workspaceId(), changed.contactIds().stream().mapToLong(Long::longValue).sorted().toArray(), true);
    }

    @EventListener
    void note(ContactEdited edited) {
        insert(edited.workspaceId(), new long[] {edited.contactId()}, false);
    }

    @TransactionalEventListener
    void committed(ContactsChanged changed) {
        worker.wake();
    }

    @TransactionalEventListener
    void committed(ContactEdited edited) {
        worker.wake();
    }

    private void insert(long workspaceId, long[] contactIds, boolean allSegments) {
        if (contactIds.length > 0) {
            jdbc.sql("insert into segment_pending (workspace_id, contact_ids, all_segments) values (?, ?, ?)")
                    .params(workspaceId, contactIds, allSegments).update();
        }
    }
}
