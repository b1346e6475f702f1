package dev.tendril.segment.internal;

import dev.tendril.contact.ContactDeleted;
import dev.tendril.contact.ContactsMerged;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A contact deleted or merged into another leaves its segments with a recorded exit (the row
 * cascade alone would drop it silently, and journeys listening for exits would never hear). A
 * merged contact's static-list memberships go to the contact it was merged into, which is then
 * re-evaluated: it now holds the merged contact's events too.
 */
@Component
class FollowContactRemovals {
    private final MembershipStore membership;
    private final PendingChanges pending;
    private final ListStore lists;
    private final Clock clock;

    FollowContactRemovals(MembershipStore membership, PendingChanges pending, ListStore lists, Clock clock) {
        this.membership = membership;
        this.pending = pending;
        this.lists = lists;
        this.clock = clock;
    }

    @EventListener
    void on(ContactDeleted deleted) {
        membership.leaveAll(deleted.workspaceId(), deleted.contactId(), clock.instant());
    }

    @EventListener
    void on(ContactsMerged merged) {
        membership.leaveAll(merged.workspaceId(), merged.sourceId(), clock.instant());
        lists.moveMembers(merged.workspaceId(), merged.sourceId(), merged.targetId());
        pending.note(merged.workspaceId(), new long[] {merged.targetId()}, ChangeKind.ALL);
    }
}
