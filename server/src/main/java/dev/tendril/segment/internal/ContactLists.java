package dev.tendril.segment.internal;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.tendril.contact.ContactView;
import dev.tendril.contact.Contacts;
import dev.tendril.platform.Cursor;
import dev.tendril.platform.Ids;
import dev.tendril.platform.InvalidInputException;
import dev.tendril.platform.NotFoundException;
import dev.tendril.platform.Page;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.LongStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Static lists: contacts added and removed by hand (ids or a CSV of emails or external ids), resolved in bulk
 * through the contact module.
 */
@Service
class ContactLists {
    static final int MAX_IDS = 10_000;
    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 2_000;

    record ListView(String id, String name, String description, long size, Instant createdAt) {}

    record MemberView(String id, String email, String name, Instant addedAt) {}

    /** What a change did: contacts added or removed, and CSV rows that named no contact. */
    record Result(int added, int removed, List<UnknownRow> unknown) {}

    record UnknownRow(int row, String value) {}

    private final ListStore store;
    private final Contacts contacts;
    private final PendingChanges pending;
    private final Clock clock;

    ContactLists(ListStore store, Contacts contacts, PendingChanges pending, Clock clock) {
        this.store = store;
        this.contacts = contacts;
        this.pending = pending;
        this.clock = clock;
    }

    @Transactional
    public ListView create(long workspaceId, Map<String, Object> body) {
        if (!(body.get("name") instanceof String name) || name.isBlank() || name.length() > MAX_NAME) {
            throw new InvalidInputException("name", "must be a non-empty string of at most " + MAX_NAME + " characters");
        }
        if (body.get("description") != null && !(body.get("description") instanceof String d && d.length() <= MAX_DESCRIPTION)) {
            throw new InvalidInputException("description", "must be a string of at most " + MAX_DESCRIPTION + " characters");
        }
        long id = store.insert(workspaceId, name.strip(), (String) body.get("description"));
        return get(workspaceId, Ids.LIST.format(id));
    }

    public ListView get(long workspaceId, String id) {
        return store.find(workspaceId, Ids.LIST.require(id)).map(ContactLists::view).orElseThrow(() -> new NotFoundException("list", id));
    }

    public Page<ListView> list(long workspaceId, String cursor, Integer limit) {
        int n = Cursor.limit(limit);
        List<ListView> rows = store.list(workspaceId, Cursor.decode(cursor), n + 1).stream().map(ContactLists::view).toList();
        return Page.of(rows, n, last -> new Cursor(null, Ids.LIST.require(last.id())));
    }

    @Transactional
    public void delete(long workspaceId, String id) {
        long[] members = store.delete(workspaceId, Ids.LIST.require(id));
        if (members == null) {
            throw new NotFoundException("list", id);
        }
        pending.note(workspaceId, members, ChangeKind.MEMBERSHIPS);
    }

    /** Adds contacts by id; an id that is not a contact of the workspace is a 400 naming it, and nothing is added. */
    @Transactional
    public Result add(long workspaceId, String id, Map<String, Object> body) {
        long listId = require(workspaceId, id);
        return new Result(insert(workspaceId, listId, contactIds(workspaceId, body)), 0, List.of());
    }

    @Transactional
    public Result remove(long workspaceId, String id, Map<String, Object> body) {
        long listId = require(workspaceId, id);
        long[] removed = contactIds(workspaceId, body);
        int count = store.remove(workspaceId, listId, removed);
        pending.note(workspaceId, removed, ChangeKind.MEMBERSHIPS);
        return new Result(0, count, List.of());
    }

    /** Adds the contacts a CSV names by its {@code email} or {@code externalId} column; rows naming nobody are reported. */
    @Transactional
    public Result addCsv(long workspaceId, String id, String csv) {
        long listId = require(workspaceId, id);
        List<String> values = new ArrayList<>();
        boolean byEmail;
        // the body arrives decoded, so a byte order mark is a character here, not bytes the reader would drop
        String text = csv == null ? "" : csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(text)) {
            Iterator<CsvRecord> records = reader.iterator();
            if (!records.hasNext()) {
                throw new InvalidInputException("file", "is empty; the first line must name an email or externalId column");
            }
            List<String> header = records.next().getFields().stream().map(String::strip).toList();
            int column = header.indexOf("email");
            byEmail = column >= 0;
            if (!byEmail) {
                column = header.indexOf("externalId");
            }
            if (column < 0) {
                throw new InvalidInputException("file", "needs an email or externalId column");
            }
            while (records.hasNext()) {
                CsvRecord record = records.next();
                String value = column < record.getFieldCount() ? record.getField(column).strip() : "";
                values.add(byEmail ? value.toLowerCase(Locale.ROOT) : value);
            }
        } catch (IOException | CsvParseException e) {
            throw new InvalidInputException("file", "is not readable CSV: " + e.getMessage());
        }
        Set<String> distinct = new LinkedHashSet<>(values);
        Map<String, Long> found = byEmail ? contacts.idsByEmail(workspaceId, distinct) : contacts.idsByExternalId(workspaceId, distinct);
        Set<Long> named = new LinkedHashSet<>();
        List<UnknownRow> unknown = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Long contact = found.get(values.get(i));
            if (contact == null) {
                unknown.add(new UnknownRow(i + 1, values.get(i)));
            } else {
                named.add(contact);
            }
        }
        return new Result(insert(workspaceId, listId, named.stream().mapToLong(Long::longValue).toArray()), 0, unknown);
    }

    /** Members in contact id order, with their email and name read through the contact module in one query per page. */
    public Page<MemberView> members(long workspaceId, String id, String cursor, Integer limit) {
        long listId = require(workspaceId, id);
        int n = Cursor.limit(limit);
        List<ListStore.Member> page = store.members(workspaceId, listId, Cursor.decode(cursor), n + 1);
        Map<Long, ContactView> found = new HashMap<>();
        contacts.findAll(workspaceId, page.stream().map(ListStore.Member::contactId).toList())
                .forEach(c -> found.put(Ids.CONTACT.require(c.id()), c));
        List<MemberView> rows = page.stream().filter(m -> found.containsKey(m.contactId())).map(m -> {
            ContactView c = found.get(m.contactId());
            return new MemberView(c.id(), c.email(), c.fullName(), m.addedAt());
        }).toList();
        return Page.of(rows, n, last -> new Cursor(null, Ids.CONTACT.require(last.id())));
    }

    private static ListView view(ListStore.Row row) {
        return new ListView(Ids.LIST.format(row.id()), row.name(), row.description(), row.size(), row.createdAt());
    }

    private long require(long workspaceId, String id) {
        long listId = Ids.LIST.require(id);
        if (!store.exists(workspaceId, listId)) {
            throw new NotFoundException("list", id);
        }
        return listId;
    }

    /** The body's {@code contactIds}, each an id of a contact of this workspace. */
    private long[] contactIds(long workspaceId, Map<String, Object> body) {
        if (!(body.get("contactIds") instanceof List<?> raw) || raw.isEmpty()) {
            throw new InvalidInputException("contactIds", "must be a non-empty list of contact ids");
        }
        if (raw.size() > MAX_IDS) {
            throw new InvalidInputException("contactIds", "takes at most " + MAX_IDS + " ids per request");
        }
        long[] ids = new long[raw.size()];
        for (int i = 0; i < ids.length; i++) {
            int at = i;
            ids[i] = (raw.get(i) instanceof String s ? Ids.CONTACT.parse(s) : OptionalLong.empty())
                    .orElseThrow(() -> new InvalidInputException("contactIds[" + at + "]", "is not a contact id"));
        }
        Set<Long> existing = new HashSet<>();
        contacts.findAll(workspaceId, LongStream.of(ids).boxed().toList()).forEach(c -> existing.add(Ids.CONTACT.require(c.id())));
        for (int i = 0; i < ids.length; i++) {
            if (!existing.contains(ids[i])) {
                throw new InvalidInputException("contactIds[" + i + "]", "is not a contact of this workspace");
            }
        }
        return ids;
    }

    /** Adds members, and notes them for the segments that read list membership. */
    private int insert(long workspaceId, long listId, long[] members) {
        pending.note(workspaceId, members, ChangeKind.MEMBERSHIPS);
        return store.add(workspaceId, listId, members, clock.instant());
    }
}
