package dev.tendril.segment.internal;

import dev.tendril.condition.Condition;
import dev.tendril.condition.ConditionReads;
import dev.tendril.condition.Conditions;
import dev.tendril.contact.ContactView;
import dev.tendril.contact.Contacts;
import dev.tendril.platform.ConflictException;
import dev.tendril.platform.Cursor;
import dev.tendril.platform.Ids;
import dev.tendril.platform.InvalidInputException;
import dev.tendril.platform.NotFoundException;
import dev.tendril.platform.Page;
import dev.tendril.segment.ConditionReferences;
import dev.tendril.segment.SegmentCatalog;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dynamic segments: definitions, full recomputes and the preview. A new or changed condition is
 * recomputed over the whole workspace in the same transaction that stores it, so a 201 or 200 shows
 * the membership it implies. The condition is stored as the validated JSON the client sent.
 */
@Service
class Segments {
    static final int SAMPLE = 10;

    /** The preview of an unsaved condition. */
    record Preview(long count, List<ContactView> sample) {}

    private final SegmentStore store;
    private final ParsedSegments parsed;
    private final MembershipStore membership;
    private final Conditions conditions;
    private final Contacts contacts;
    private final ConditionReferences references;
    private final PendingChanges pending;
    private final JsonMapper json;
    private final Clock clock;

    Segments(SegmentStore store, ParsedSegments parsed, MembershipStore membership, Conditions conditions,
            Contacts contacts, ConditionReferences references, PendingChanges pending, JsonMapper json, Clock clock) {
        this.references = references;
        this.pending = pending;
        this.store = store;
        this.parsed = parsed;
        this.membership = membership;
        this.conditions = conditions;
        this.contacts = contacts;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public SegmentView create(long workspaceId, Map<String, Object> body) {
        String name = name(body.get("name"));
        String description = description(body.get("description"));
        JsonNode node = conditionNode(body);
        Condition condition = conditions.parse(node);
        references.check(workspaceId, node, null);
        long id = insert(workspaceId, name, description, node, condition, null);
        return view(store.find(workspaceId, id).orElseThrow());
    }

    /** Stores a segment and computes its membership; {@code builtIn} names a built-in one. */
    @Transactional
    long insert(long workspaceId, String name, String description, JsonNode node, Condition condition, String builtIn) {
        Instant now = now();
        long id = store.insert(workspaceId, name, description, json.writeValueAsString(node), ConditionReads.of(condition), builtIn, now);
        membership.reconcile(workspaceId, id, conditions.matchingQuery(workspaceId, condition, now, null), now, null);
        return id;
    }

    public SegmentView get(long workspaceId, String id) {
        return view(row(workspaceId, id));
    }

    public Page<SegmentView> list(long workspaceId, String cursor, Integer limit) {
        int n = Cursor.limit(limit);
        List<SegmentView> rows = store.list(workspaceId, Cursor.decode(cursor), n + 1).stream().map(this::view).toList();
        return Page.of(rows, n, last -> new Cursor(null, Ids.SEGMENT.require(last.id())));
    }

    @Transactional
    public SegmentView patch(long workspaceId, String id, Map<String, Object> body) {
        SegmentStore.Row row = store.lock(workspaceId, Ids.SEGMENT.require(id)).orElseThrow(() -> new NotFoundException("segment", id));
        String name = body.containsKey("name") ? name(body.get("name")) : row.name();
        String description = body.containsKey("description") ? description(body.get("description")) : row.description();
        String conditionText = row.condition();
        Condition condition = null;
        if (body.containsKey("condition")) {
            if (row.builtIn() != null) {
                throw new ConflictException("condition", "the condition of a built-in segment cannot be changed");
            }
            JsonNode node = conditionNode(body);
            condition = conditions.parse(node);
            references.check(workspaceId, node, row.id());
            conditionText = json.writeValueAsString(node);
        }
        boolean changed = condition != null && !json.readTree(conditionText).equals(json.readTree(row.condition()));
        ConditionReads reads = ConditionReads.of(condition != null ? condition : parsed.of(row).condition());
        store.update(row, name, description, conditionText, reads, changed);
        if (changed) {
            Instant now = now();
            membership.reconcile(workspaceId, row.id(), conditions.matchingQuery(workspaceId, condition, now, null), now, null);
            store.recomputed(row, now);
        }
        return get(workspaceId, id);
    }

    @Transactional
    public void delete(long workspaceId, String id) {
        SegmentStore.Row row = row(workspaceId, id);
        if (row.builtIn() != null) {
            throw new ConflictException("id", "built-in segments cannot be deleted");
        }
        long[] members = membership.memberIds(workspaceId, row.id());
        store.delete(row);
        parsed.forget(row.id());
        pending.note(workspaceId, members, ChangeKind.MEMBERSHIPS); // for segments naming it, which now match no one
    }

    /** A page of the segment's members, with their email and name read through the contact module. */
    public Page<SegmentCatalog.Member> members(long workspaceId, long segmentId, String cursor, Integer limit) {
        int n = Cursor.limit(limit);
        List<MembershipStore.Member> page = membership.members(workspaceId, segmentId, Cursor.decode(cursor), n + 1);
        Map<Long, ContactView> found = contactsById(workspaceId, page.stream().map(MembershipStore.Member::contactId).toList());
        List<SegmentCatalog.Member> rows = page.stream().filter(m -> found.containsKey(m.contactId())).map(m -> {
            ContactView c = found.get(m.contactId());
            return new SegmentCatalog.Member(c.id(), c.email(), c.fullName(), m.enteredAt());
        }).toList();
        return Page.of(rows, n, last -> new Cursor(null, Ids.CONTACT.require(last.contactId())));
    }

    /** The latest entries and exits, newest first, each with the contact's name (else its email) when it is still there. */
    public List<SegmentCatalog.Change> changes(long workspaceId, long segmentId, int limit) {
        List<MembershipStore.Change> changes = membership.history(workspaceId, segmentId, limit);
        Map<Long, ContactView> found = contactsById(workspaceId, changes.stream().map(MembershipStore.Change::contactId).toList());
        return changes.stream().map(c -> {
            ContactView contact = found.get(c.contactId());
            String name = contact == null ? null : contact.fullName() != null ? contact.fullName() : contact.email();
            return new SegmentCatalog.Change(Ids.CONTACT.format(c.contactId()), name, c.kind(), c.at());
        }).toList();
    }

    private Map<Long, ContactView> contactsById(long workspaceId, List<Long> ids) {
        Map<Long, ContactView> out = new HashMap<>();
        contacts.findAll(workspaceId, ids).forEach(c -> out.put(Ids.CONTACT.require(c.id()), c));
        return out;
    }

    public Preview preview(long workspaceId, Map<String, Object> body) {
        JsonNode node = conditionNode(body);
        Condition condition = conditions.parse(node);
        references.check(workspaceId, node, null);
        Conditions.Preview preview = conditions.preview(workspaceId, condition, SAMPLE);
        return new Preview(preview.count(), contacts.findAll(workspaceId, preview.sample()));
    }

    /** Recomputes a segment whose row the caller has locked. */
    void recompute(SegmentStore.Row row) {
        Instant now = now();
        membership.reconcile(row.workspaceId(), row.id(),
                conditions.matchingQuery(row.workspaceId(), parsed.of(row).condition(), now, null), now, null);
        store.recomputed(row, now);
    }

    SegmentStore.Row row(long workspaceId, String id) {
        return store.find(workspaceId, Ids.SEGMENT.require(id)).orElseThrow(() -> new NotFoundException("segment", id));
    }

    private SegmentView view(SegmentStore.Row row) {
        return new SegmentView(Ids.SEGMENT.format(row.id()), row.name(), row.description(), json.readTree(row.condition()),
                row.conditionVersion(), row.builtIn() != null, membership.size(row.workspaceId(), row.id()), row.createdAt(), row.updatedAt());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private JsonNode conditionNode(Map<String, Object> body) {
        if (body.get("condition") == null) {
            throw new InvalidInputException("condition", "is required");
        }
        return json.valueToTree(body.get("condition"));
    }

    private static String name(Object name) {
        if (!(name instanceof String s) || s.isBlank()) {
            throw new InvalidInputException("name", "must be a non-empty string");
        }
        if (s.length() > 200) {
            throw new InvalidInputException("name", "must be at most 200 characters");
        }
        return s.strip();
    }

    private static String description(Object description) {
        if (description != null && !(description instanceof String)) {
            throw new InvalidInputException("description", "must be a string");
        }
        if (description != null && ((String) description).length() > 2000) {
            throw new InvalidInputException("description", "must be at most 2000 characters");
        }
        return (String) description;
    }
}
