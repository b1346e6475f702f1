package dev.tendril.segment.internal;

import dev.tendril.contact.ContactDeleted;
import dev.tendril.contact.ContactsMerged;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A contact deleted or merged into another leaves its segments with a recorded exit (the row
 * cascade alone would drop it silently, and journeys listening for exits would never hear). A
 * merged contact's static-list memberships go to the contact it was merged into, which is then
 * re-evaluated: it now holds the merged contact's events too.
 */
@Component
class FollowContactRemovals {
    private final Membership membership;
    private final PendingChanges pending;
    private final JdbcClient jdbc;
    private final Clock clock;

    FollowContactRemovals(Membership membership, PendingChanges pending, JdbcClient jdbc, Clock clock) {
        this.membership = membership;
        this.pending = pending;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void on(ContactDeleted deleted) {
        membership.leaveAll(deleted.workspaceId(), deleted.contactId(), clock.instant());
    }

    @EventListener
    void on(ContactsMerged merged) {
        membership.leaveAll(merged.workspaceId(), merged.sourceId(), clock.instant());
        jdbc.sql("""
                insert into contact_list_member (workspace_id, list_id, contact_id, added_at)
                select workspace_id, list_id, ?, added_at from contact_list_member where workspace_id = ? and contact_id = ?
                on conflict do nothing""")
                .params(merged.targetId(), merged.workspaceId(), merged.sourceId()).update();
        pending.note(merged.workspaceId(), new long[] {merged.targetId()}, ChangeKind.ALL);
    }
}
