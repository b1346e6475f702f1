package dev.tendril.event.internal;

import dev.tendril.contact.ContactDeleted;
import dev.tendril.contact.ContactsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps events with their contact: on a merge the source's events and counters move to the target,
 * whose behaviour is refolded; on a delete they go with the contact (behaviour rows cascade).
 */
@Component
class FollowContactChanges {
    private final EventStore events;
    private final BehaviorStore behavior;
    private final BehaviorUpdate update;

    FollowContactChanges(EventStore events, BehaviorStore behavior, BehaviorUpdate update) {
        this.events = events;
        this.behavior = behavior;
        this.update = update;
    }

    @EventListener
    void on(ContactDeleted deleted) {
        events.deleteContact(deleted.workspaceId(), deleted.contactId());
    }

    @EventListener
    void on(ContactsMerged merged) {
        events.moveContact(merged.workspaceId(), merged.sourceId(), merged.targetId());
        behavior.delete(merged.workspaceId(), merged.sourceId());
        update.refoldAndSave(merged.workspaceId(), merged.targetId());
    }
}
