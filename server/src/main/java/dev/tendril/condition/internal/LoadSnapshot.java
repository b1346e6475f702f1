package dev.tendril.condition.internal;

import dev.tendril.condition.ContactSnapshot.Scores;
import dev.tendril.condition.ContactSnapshot.SnapshotEvent;
import dev.tendril.condition.ContactSnapshot;
import dev.tendril.condition.DerivedTable;
import dev.tendril.contact.Companies;
import dev.tendril.contact.CompanyView;
import dev.tendril.contact.ContactView;
import dev.tendril.contact.Contacts;
import dev.tendril.contact.Subscriptions;
import dev.tendril.event.EventView;
import dev.tendril.event.Timeline;
import dev.tendril.platform.Cursor;
import dev.tendril.platform.Ids;
import dev.tendril.platform.Page;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Builds contacts' {@link ContactSnapshot}s: their fields, companies, events and subscriptions through the public
 * APIs of the contact and event modules, their scores and memberships from the {@link DerivedTables} the modules
 * above declared (the rows the compiled SQL reads too).
 */
@Component
public class LoadSnapshot {
    private final Contacts contacts;
    private final Companies companies;
    private final Timeline timeline;
    private final Subscriptions subscriptions;
    private final ConditionQueries queries;

    LoadSnapshot(Contacts contacts, Companies companies, Timeline timeline, Subscriptions subscriptions, ConditionQueries queries) {
        this.contacts = contacts;
        this.companies = companies;
        this.timeline = timeline;
        this.subscriptions = subscriptions;
        this.queries = queries;
    }

    public Optional<ContactSnapshot> load(long workspaceId, long contactId) {
        return contacts.find(workspaceId, contactId).map(contact -> {
            Optional<CompanyView> company = contact.companyId() == null ? Optional.empty()
                    : Ids.COMPANY.parse(contact.companyId()).stream().boxed()
                            .flatMap(id -> companies.find(workspaceId, id).stream()).findFirst();
            List<Long> id = List.of(contactId);
            return new ContactSnapshot(fields(contact, company.orElse(null)), contact.attributes(),
                    company.map(CompanyView::attributes).orElse(Map.of()), events(workspaceId, contactId),
                    queries.scores(workspaceId, id).getOrDefault(contactId, Scores.UNSCORED),
                    queries.memberships(DerivedTable.Memberships.Of.LISTS, workspaceId, id).getOrDefault(contactId, Set.of()),
                    queries.memberships(DerivedTable.Memberships.Of.SEGMENTS, workspaceId, id).getOrDefault(contactId, Set.of()),
                    subscriptions.statuses(workspaceId, id).getOrDefault(contactId, Map.of()));
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
        Map<Long, Scores> stored = needs.scores() ? queries.scores(workspaceId, ids) : Map.of();
        Map<Long, Set<Long>> lists = needs.lists() ? queries.memberships(DerivedTable.Memberships.Of.LISTS, workspaceId, ids) : Map.of();
        Map<Long, Set<Long>> segments = needs.segments() ? queries.memberships(DerivedTable.Memberships.Of.SEGMENTS, workspaceId, ids) : Map.of();
        Map<Long, Map<String, String>> subscribed = needs.subscriptions() ? subscriptions.statuses(workspaceId, ids) : Map.of();
        Map<Long, ContactSnapshot> out = new HashMap<>();
        for (ContactView c : found) {
            long id = Ids.CONTACT.require(c.id());
            CompanyView co = c.companyId() == null ? null : byId.get(c.companyId());
            List<SnapshotEvent> evs = events.getOrDefault(id, List.of()).stream()
                    .map(e -> new SnapshotEvent(e.type(), e.name(), e.timestamp(), e.properties())).toList();
            out.put(id, new ContactSnapshot(fields(c, co), c.attributes(), co == null ? Map.of() : co.attributes(), evs,
                    stored.getOrDefault(id, Scores.UNSCORED), lists.getOrDefault(id, Set.of()), segments.getOrDefault(id, Set.of()),
                    subscribed.getOrDefault(id, Map.of())));
        }
        return out;
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
