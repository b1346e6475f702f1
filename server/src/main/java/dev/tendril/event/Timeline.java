package dev.tendril.event;

import dev.tendril.event.internal.TimelineQueries;
import dev.tendril.platform.Cursor;
import dev.tendril.platform.Page;
import java.util.List;
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
        List<EventView> rows = queries.events(workspaceId, contactId, Cursor.decode(cursor), n + 1);
        String next = null;
        if (rows.size() > n) {
            EventView last = rows.get(n - 1);
            next = new Cursor(last.timestamp(), dev.tendril.platform.Ids.EVENT.require(last.id())).encode();
        }
        return new Page<>(rows.subList(0, Math.min(n, rows.size())), next);
    }

    public Optional<BehaviorView> behavior(long workspaceId, long contactId) {
        return queries.behavior(workspaceId, contactId);
    }
}
