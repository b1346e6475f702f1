package dev.tendril.event;

import dev.tendril.event.internal.TimelineQueries;
import dev.tendril.platform.Cursor;
import dev.tendril.platform.Ids;
import dev.tendril.platform.Page;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /** The behaviour summaries of these contacts, keyed by contact id, in one query; contacts without behaviour are left out. */
    public Map<Long, BehaviorView> behaviors(long workspaceId, Collection<Long> contactIds) {
        return contactIds.isEmpty() ? Map.of() : queries.behaviors(workspaceId, ids(contactIds));
    }

    /**
     * Each contact's latest {@code perContact} events of a type ({@code page}, {@code track}, …; any type
     * when null), newest first, limited to these names unless none are given; in one query for all contacts.
     */
    public Map<Long, List<EventView>> latest(long workspaceId, Collection<Long> contactIds, String type, Set<String> names, int perContact) {
        if (contactIds.isEmpty()) {
            return Map.of();
        }
        return queries.latest(workspaceId, ids(contactIds), type, names.toArray(String[]::new), perContact);
    }

    private static long[] ids(Collection<Long> contactIds) {
        return contactIds.stream().mapToLong(Long::longValue).distinct().toArray();
    }
}
