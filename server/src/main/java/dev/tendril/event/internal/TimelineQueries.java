package dev.tendril.event.internal;

import dev.tendril.event.BehaviorView;
import dev.tendril.event.EventView;
import dev.tendril.platform.Cursor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Read side of the event store for the public {@link dev.tendril.event.Timeline}. */
@Component
public class TimelineQueries {
    private final EventStore events;
    private final BehaviorStore behavior;

    TimelineQueries(EventStore events, BehaviorStore behavior) {
        this.events = events;
        this.behavior = behavior;
    }

    public List<EventView> events(long workspaceId, long contactId, Cursor after, int limit) {
        return events.timeline(workspaceId, contactId, after, limit);
    }

    public Optional<BehaviorView> behavior(long workspaceId, long contactId) {
        return behavior.find(workspaceId, contactId);
    }

    public Map<Long, BehaviorView> behaviors(long workspaceId, long[] contactIds) {
        return behavior.findAll(workspaceId, contactIds);
    }

    public Map<Long, List<EventView>> latest(long workspaceId, long[] contactIds, String type, String[] names, int perContact) {
        return events.latest(workspaceId, contactIds, type, names, perContact);
    }
}
