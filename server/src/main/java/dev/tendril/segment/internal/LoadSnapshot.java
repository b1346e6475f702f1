package dev.tendril.segment.internal;

import dev.tendril.contact.Companies;
import dev.tendril.contact.CompanyView;
import dev.tendril.contact.ContactView;
import dev.tendril.contact.Contacts;
import dev.tendril.event.EventView;
import dev.tendril.event.Timeline;
import dev.tendril.platform.Cursor;
import dev.tendril.platform.Ids;
import dev.tendril.platform.Page;
import dev.tendril.segment.ContactScore;
import dev.tendril.segment.ContactScores;
import dev.tendril.segment.ContactSnapshot;
import dev.tendril.segment.ContactSubscriptions;
import dev.tendril.segment.ContactSnapshot.SnapshotEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds a contact's {@link ContactSnapshot} through the public APIs of the contact and event modules,
 * its score through {@link ContactScores} (implemented by the scoring module) and its subscriptions through
 * {@link ContactSubscriptions} (implemented by the channel module).
 */
@Component
public class LoadSnapshot {
    private final Contacts contacts;
    private final Companies companies;
    private final Timeline timeline;
    private final List<ContactScores> scores;
    private final List<ContactSubscriptions> subscriptions;
    private final JdbcClient jdbc;

    LoadSnapshot(Contacts contacts, Companies companies, Timeline timeline, List<ContactScores> scores,
            List<ContactSubscriptions> subscriptions, JdbcClient jdbc) {
        this.subscriptions = subscriptions;
        this.contacts = contacts;
        this.companies = companies;
        this.timeline = timeline;
        this.scores = scores;
        this.jdbc = jdbc;
    }

    public Optional<ContactSnapshot> load(long workspaceId, long contactId) {
        return contacts.find(workspaceId, contactId).map(contact -> {
            Optional<CompanyView> company = contact.companyId() == null ? Optional.empty()
                    : Ids.COMPANY.parse(contact.companyId()).stream().boxed()
                            .flatMap(id -> companies.find(workspaceId, id).stream()).findFirst();
            return new ContactSnapshot(fields(contact, company.orElse(null)), contact.attributes(),
                    company.map(CompanyView::attributes).orElse(Map.of()), events(workspaceId, contactId), score(workspaceId, contactId),
                    memberships("contact_list_member", "list_id", workspaceId, contactId),
                    memberships("segment_membership", "segment_id", workspaceId, contactId),
                    subscriptionsOf(workspaceId, List.of(contactId)).getOrDefault(contactId, Map.of()));
        });
    }

    /**
     * Snapshots of many contacts with a bounded number of queries, holding only what {@code needs}
     * says (events, scores and memberships are empty otherwise); unknown contacts are left out.
     */
    public Map<Long, ContactSnapshot> loadAll(long workspaceId, Collection<Long> contactIds, SnapshotNeeds needs) {
        List<ContactView> found = contacts.findAll(workspaceId, contactIds);
        Set<Long> companyIds = new HashSet<>();
        found.forEach(c -> Ids.COMPANY.parse(c.companyId()).ifPresent(companyIds::add));
        Map<String, CompanyView> byId = new HashMap<>();
        companies.findAll(workspaceId, companyIds).forEach(co -> byId.put(co.id(), co));
        List<Long> ids = found.stream().map(c -> Ids.CONTACT.require(c.id())).toList();
        Map<Long, List<EventView>> events = needs.events()
                ? timeline.latest(workspaceId, ids, null, needs.eventNames(), Integer.MAX_VALUE) : Map.of();
        Map<Long, ContactScore> stored = needs.scores() ? scoresOf(workspaceId, ids) : Map.of();
        Map<Long, Set<Long>> lists = needs.lists() ? memberships("contact_list_member", "list_id", workspaceId, ids) : Map.of();
        Map<Long, Set<Long>> segments = needs.segments() ? memberships("segment_membership", "segment_id", workspaceId, ids) : Map.of();
        Map<Long, Map<String, String>> subscribed = needs.subscriptions() ? subscriptionsOf(workspaceId, ids) : Map.of();
        Map<Long, ContactSnapshot> out = new HashMap<>();
        for (ContactView c : found) {
            long id = Ids.CONTACT.require(c.id());
            CompanyView co = c.companyId() == null ? null : byId.get(c.companyId());
            List<SnapshotEvent> evs = events.getOrDefault(id, List.of()).stream()
                    .map(e -> new SnapshotEvent(e.type(), e.name(), e.timestamp(), e.properties())).toList();
            out.put(id, new ContactSnapshot(fields(c, co), c.attributes(), co == null ? Map.of() : co.attributes(), evs,
                    stored.getOrDefault(id, ContactScore.UNSCORED), lists.getOrDefault(id, Set.of()), segments.getOrDefault(id, Set.of()),
                    subscribed.getOrDefault(id, Map.of())));
        }
        return out;
    }

    private Map<Long, ContactScore> scoresOf(long workspaceId, List<Long> ids) {
        return scores.stream().findFirst().map(s -> s.findAll(workspaceId, ids)).orElse(Map.of());
    }

    private Map<Long, Map<String, String>> subscriptionsOf(long workspaceId, List<Long> ids) {
        return subscriptions.stream().findFirst().map(s -> s.statuses(workspaceId, ids)).orElse(Map.of());
    }

    private Map<Long, Set<Long>> memberships(String table, String column, long workspaceId, List<Long> contactIds) {
        Map<Long, Set<Long>> out = new HashMap<>();
        jdbc.sql("select contact_id, " + column + " from " + table + " where workspace_id = ? and contact_id = any(?)")
                .params(workspaceId, contactIds.stream().mapToLong(Long::longValue).toArray())
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
                });
        return out;
    }

    /** The lists or segments (this module's tables) the contact is in. */
    private Set<Long> memberships(String table, String column, long workspaceId, long contactId) {
        return new HashSet<>(jdbc.sql("select " + column + " from " + table + " where workspace_id = ? and contact_id = ?")
                .params(workspaceId, contactId).query(Long.class).list());
    }

    private ContactScore score(long workspaceId, long contactId) {
        return scores.stream().flatMap(s -> s.find(workspaceId, contactId).stream()).findFirst().orElse(ContactScore.UNSCORED);
    }

    private List<SnapshotEvent> events(long workspaceId, long contactId) {
        List<SnapshotEvent> out = new ArrayList<>();
        String cursor = null;
        do {
            Page<EventView> page = timeline.events(workspaceId, contactId, cursor, Cursor.MAX_LIMIT);
            page.data().forEach(e -> out.add(new SnapshotEvent(e.type(), e.name(), e.timestamp(), e.properties())));
            cursor = page.nextCursor();
        } while (cursor != null);
        return out;
    }

    /** The contact's fields under the names {@link Fields} gives them; absent values are left out. */
    static Map<String, Object> fields(ContactView c, CompanyView co) {
        Map<String, Object> f = new HashMap<>();
        put(f, "email", c.email());
        put(f, "externalId", c.externalId());
        put(f, "firstName", c.firstName());
        put(f, "lastName", c.lastName());
        put(f, "phone", c.phone());
        put(f, "title", c.title());
        put(f, "website", c.website());
        put(f, "gender", c.gender());
        put(f, "username", c.username());
        put(f, "description", c.description());
        put(f, "timezone", c.timezone());
        put(f, "lifecycleStage", c.lifecycleStage());
        put(f, "birthday", c.birthday());
        put(f, "createdAt", c.createdAt());
        put(f, "updatedAt", c.updatedAt());
        if (c.address() != null) {
            c.address().forEach((k, v) -> put(f, "address." + k, v));
        }
        if (co != null) {
            put(f, "company.name", co.name());
            put(f, "company.domain", co.domain());
            put(f, "company.industry", co.industry());
            put(f, "company.plan", co.plan());
            put(f, "company.website", co.website());
            put(f, "company.externalId", co.externalId());
            put(f, "company.employees", co.employees());
            put(f, "company.annualRevenue", co.annualRevenue());
            put(f, "company.createdAt", co.createdAt());
        }
        return f;
    }

    private static void put(Map<String, Object> fields, String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
    }
}
