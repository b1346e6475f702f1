package dev.tendril.segment.internal;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.tendril.platform.Cursor;
import dev.tendril.platform.Ids;
import dev.tendril.platform.InvalidInputException;
import dev.tendril.platform.NotFoundException;
import dev.tendril.platform.Page;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Static lists: contacts added and removed by hand (ids or a CSV of emails or external ids). Contacts
 * are resolved in bulk against the contact table, read-only, as the segment queries do.
 */
@Service
class ContactLists {
    static final int MAX_IDS = 10_000;

    record ListView(String id, String name, String description, long size, Instant createdAt) {}

    record MemberView(String id, String email, String name, Instant addedAt) {}

    /** What a change did: contacts added or removed, and CSV rows that named no contact. */
    record Result(int added, int removed, List<UnknownRow> unknown) {}

    record UnknownRow(int row, String value) {}

    private final JdbcClient jdbc;
    private final PendingChanges pending;
    private final Clock clock;

    ContactLists(JdbcClient jdbc, PendingChanges pending, Clock clock) {
        this.jdbc = jdbc;
        this.pending = pending;
        this.clock = clock;
    }

    @Transactional
    public ListView create(long workspaceId, Map<String, Object> body) {
        if (!(body.get("name") instanceof String name) || name.isBlank()) {
            throw new InvalidInputException("name", "must be a non-empty string");
        }
        if (body.get("description") != null && !(body.get("description") instanceof String)) {
            throw new InvalidInputException("description", "must be a string");
        }
        long id = jdbc.sql("insert into contact_list (workspace_id, name, description) values (?, ?, ?) returning id")
                .params(workspaceId, name.strip(), body.get("description")).query(Long.class).single();
        return get(workspaceId, Ids.LIST.format(id));
    }

    public ListView get(long workspaceId, String id) {
        return jdbc.sql(SELECT + " where l.workspace_id = ? and l.id = ?").params(workspaceId, Ids.LIST.require(id))
                .query(ContactLists::view).optional().orElseThrow(() -> new NotFoundException("list", id));
    }

    public Page<ListView> list(long workspaceId, String cursor, Integer limit) {
        int n = Cursor.limit(limit);
        Cursor after = Cursor.decode(cursor);
        List<ListView> rows = jdbc.sql(SELECT + " where l.workspace_id = ? and l.id > ? order by l.id limit ?")
                .params(workspaceId, after == null ? 0 : after.id(), n + 1).query(ContactLists::view).list();
        return Page.of(rows, n, last -> new Cursor(null, Ids.LIST.require(last.id())));
    }

    @Transactional
    public void delete(long workspaceId, String id) {
        long listId = Ids.LIST.require(id);
        long[] members = jdbc.sql("select contact_id from contact_list_member where workspace_id = ? and list_id = ?")
                .params(workspaceId, listId).query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
        if (jdbc.sql("delete from contact_list where workspace_id = ? and id = ?").params(workspaceId, listId).update() == 0) {
            throw new NotFoundException("list", id);
        }
        pending.note(workspaceId, members, ChangeKind.MEMBERSHIPS);
    }

    /** Adds contacts by id; an id that is not a contact of the workspace is a 400 naming it, and nothing is added. */
    @Transactional
    public Result add(long workspaceId, String id, Map<String, Object> body) {
        long listId = require(workspaceId, id);
        long[] contacts = contactIds(workspaceId, body);
        return new Result(insert(workspaceId, listId, contacts), 0, List.of());
    }

    @Transactional
    public Result remove(long workspaceId, String id, Map<String, Object> body) {
        long listId = require(workspaceId, id);
        long[] contacts = contactIds(workspaceId, body);
        int removed = jdbc.sql("delete from contact_list_member where list_id = ? and contact_id = any(?)").params(listId, contacts).update();
        pending.note(workspaceId, contacts, ChangeKind.MEMBERSHIPS);
        return new Result(0, removed, List.of());
    }

    /** Adds the contacts a CSV names by its {@code email} or {@code externalId} column; rows naming nobody are reported. */
    @Transactional
    public Result addCsv(long workspaceId, String id, String csv) {
        long listId = require(workspaceId, id);
        List<String> values = new ArrayList<>();
        boolean byEmail;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().detectBomHeader(true).ofCsvRecord(csv == null ? "" : csv)) {
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
        } catch (java.io.IOException | de.siegmar.fastcsv.reader.CsvParseException e) {
            throw new InvalidInputException("file", "is not readable CSV: " + e.getMessage());
        }
        Map<String, Long> found = new HashMap<>();
        String sql = byEmail ? "select lower(email), id from contact where workspace_id = ? and lower(email) = any(?)"
                : "select external_id, id from contact where workspace_id = ? and external_id = any(?)";
        jdbc.sql(sql).params(workspaceId, values.stream().distinct().toArray(String[]::new))
                .query((rs, n) -> found.put(rs.getString(1), rs.getLong(2))).list();
        Set<Long> contacts = new LinkedHashSet<>();
        List<UnknownRow> unknown = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Long contact = found.get(values.get(i));
            if (contact == null) {
                unknown.add(new UnknownRow(i + 1, values.get(i)));
            } else {
                contacts.add(contact);
            }
        }
        return new Result(insert(workspaceId, listId, contacts.stream().mapToLong(Long::longValue).toArray()), 0, unknown);
    }

    public Page<MemberView> members(long workspaceId, String id, String cursor, Integer limit) {
        long listId = require(workspaceId, id);
        int n = Cursor.limit(limit);
        Cursor after = Cursor.decode(cursor);
        List<MemberView> rows = jdbc.sql("""
                select m.contact_id, c.email,
                       nullif(trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')), ''), m.added_at
                from contact_list_member m join contact c on c.id = m.contact_id
                where m.list_id = ? and m.contact_id > ? order by m.contact_id limit ?""")
                .params(listId, after == null ? 0 : after.id(), n + 1)
                .query((rs, i) -> new MemberView(Ids.CONTACT.format(rs.getLong(1)), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
        return Page.of(rows, n, last -> new Cursor(null, Ids.CONTACT.require(last.id())));
    }

    private static final String SELECT = "select l.id, l.name, l.description,"
            + " (select count(*) from contact_list_member m where m.list_id = l.id), l.created_at from contact_list l";

    private static ListView view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ListView(Ids.LIST.format(rs.getLong(1)), rs.getString(2), rs.getString(3), rs.getLong(4),
                rs.getTimestamp(5).toInstant());
    }

    private long require(long workspaceId, String id) {
        long listId = Ids.LIST.require(id);
        if (jdbc.sql("select count(*) from contact_list where workspace_id = ? and id = ?").params(workspaceId, listId)
                .query(Long.class).single() == 0) {
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
            ids[i] = (raw.get(i) instanceof String s ? Ids.CONTACT.parse(s) : java.util.OptionalLong.empty())
                    .orElseThrow(() -> new InvalidInputException("contactIds[" + at + "]", "is not a contact id"));
        }
        Set<Long> existing = new java.util.HashSet<>(jdbc.sql("select id from contact where workspace_id = ? and id = any(?)")
                .params(workspaceId, ids).query(Long.class).list());
        for (int i = 0; i < ids.length; i++) {
            if (!existing.contains(ids[i])) {
                throw new InvalidInputException("contactIds[" + i + "]", "is not a contact of this workspace");
            }
        }
        return ids;
    }

    /** Adds members, and notes them for the segments that read list membership. */
    private int insert(long workspaceId, long listId, long[] contacts) {
        pending.note(workspaceId, contacts, ChangeKind.MEMBERSHIPS);
        return jdbc.sql("""
                insert into contact_list_member (workspace_id, list_id, contact_id, added_at)
                select ?, ?, unnest(?::bigint[]), ? on conflict do nothing""")
                .params(workspaceId, listId, contacts, Timestamp.from(clock.instant())).update();
    }
}
