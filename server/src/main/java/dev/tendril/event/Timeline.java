package dev.tendril.event;

import dev.tendril.event.internal.TimelineQueries;
import dev.tendril.platform.Cursor;
import dev.tendril.platform.Ids;
import dev.tendril.platform.Page;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** A contact's events, newest first, and its behaviour summary. */
@Service
public class Timeline {
    private final TimelineQueries queries;

    Timeline(TimelineQueries queries) {
        this.queries = queries;
    }

    public Page<EventView> events(long workspaceId, long contactId, String cursor, Integer limit) {
        int n = Cursor.limit(limit);
        return Page.of(queries.events(workspaceId, contactId, Cursor.decode(cursor), n + 1), n,
                last -> new Cursor(last.timestamp(), Ids.EVENT.require(last.id())));
    }

    public Optional<BehaviorView> behavior(long workspaceId, long contactId) {
        return queries.behavior(workspaceId, contactId);
    }

    /** The behaviour of many contacts in one query, by contact id; contacts never seen are left out. */
    public Map<Long, BehaviorView> behaviors(long workspaceId, long[] contactIds) {
        return queries.behaviors(workspaceId, contactIds);
    }
}
