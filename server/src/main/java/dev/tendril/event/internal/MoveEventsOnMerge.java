package dev.tendril.event.internal;

import dev.tendril.contact.ContactsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** When two contacts merge, the source's events and counters move to the target, whose behaviour is refolded. */
@Component
class MoveEventsOnMerge {
    private final EventStore events;
    private final BehaviorStore behavior;
    private final BehaviorUpdate update;

    MoveEventsOnMerge(EventStore events, BehaviorStore behavior, BehaviorUpdate update) {
        this.events = events;
        this.behavior = behavior;
        this.update = update;
    }

    @EventListener
    void on(ContactsMerged merged) {
        events.moveContact(merged.workspaceId(), merged.sourceId(), merged.targetId());
        behavior.delete(merged.workspaceId(), merged.sourceId());
        update.refoldAndSave(merged.workspaceId(), merged.targetId());
    }
}
