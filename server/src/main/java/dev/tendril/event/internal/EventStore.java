package dev.tendril.event.internal;

import dev.tendril.event.EventView;
import dev.tendril.platform.AdvisoryLock;
import dev.tendril.platform.Cursor;
import dev.tendril.platform.Ids;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The event table (COPY in, keyset pages out), messageId dedup and the per-day counters. */
@Repository
class EventStore {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final String COPY_EVENTS = "copy event (workspace_id, contact_id, type, name, message_id, user_id, anonymous_id, "
            + "occurred_at, received_at, sent_at, original_timestamp, properties, traits, context, integrations) from stdin";

    private static final SQLExceptionTranslator COPY_ERRORS = new SQLStateSQLExceptionTranslator();

    record CounterKey(long contactId, String eventKey, LocalDate day) {}

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final JsonMapper json;

    EventStore(JdbcClient jdbc, DataSource dataSource, JsonMapper json) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.json = json;
    }

    /** The messageIds not seen before in this workspace; claims them in the current transaction. */
    Set<String> claimNew(long workspaceId, Collection<String> messageIds) {
        Set<String> fresh = new HashSet<>();
        jdbc.sql("insert into event_message (workspace_id, message_id) select ?, unnest(?::text[]) on conflict do nothing returning message_id")
                .params(workspaceId, messageIds.toArray(String[]::new))
                .query(rs -> {
                    fresh.add(rs.getString(1));
                });
        return fresh;
    }

    void insert(long workspaceId, List<StoredEvent> events) {
        CopyText rows = new CopyText();
        for (StoredEvent e : events) {
            EncodedMessage c = e.encoded();
            TrackingCall m = c.message();
            rows.value(workspaceId).value(e.contactId()).value(m.type()).value(m.name()).value(m.messageId())
                    .value(m.userId()).value(m.anonymousId()).value(m.timestamp()).value(c.receivedAt()).value(m.sentAt())
                    .value(m.originalTimestamp()).value(c.properties()).value(c.traits()).value(c.context())
                    .value(c.integrations()).endRow();
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_EVENTS, new StringReader(rows.toString()));
        } catch (SQLException e) {
            // Translated as JdbcClient's statements are: a connection lost mid-COPY is the database being unavailable (a 503).
            DataAccessException translated = COPY_ERRORS.translate("COPY events", COPY_EVENTS, e);
            throw translated != null ? translated : new UncategorizedSQLException("COPY events", COPY_EVENTS, e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not store events", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    void addCounts(long workspaceId, Map<CounterKey, Integer> counts) {
        if (counts.isEmpty()) {
            return;
        }
        int n = counts.size();
        long[] contacts = new long[n];
        String[] keys = new String[n];
        String[] days = new String[n];
        int[] values = new int[n];
        int i = 0;
        // Sorted so concurrent batches lock counter rows in the same order.
        List<Map.Entry<CounterKey, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.comparingByKey(Comparator.comparingLong(CounterKey::contactId)
                .thenComparing(CounterKey::eventKey).thenComparing(CounterKey::day)));
        for (Map.Entry<CounterKey, Integer> e : sorted) {
            contacts[i] = e.getKey().contactId();
            keys[i] = e.getKey().eventKey();
            days[i] = e.getKey().day().toString();
            values[i] = e.getValue();
            i++;
        }
        jdbc.sql("""
                insert into contact_event_daily (workspace_id, contact_id, event_key, day, count)
                select ?, c, k, d::date, n from unnest(?::bigint[], ?::text[], ?::text[], ?::int[]) as t(c, k, d, n)
                on conflict (workspace_id, contact_id, event_key, day) do update set count = contact_event_daily.count + excluded.count""")
                .params(workspaceId, contacts, keys, days, values).update();
    }

    static CounterKey counterKey(long contactId, TrackingCall m) {
        String key = m.type().equals("track") ? "track:" + m.name() : m.type();
        return new CounterKey(contactId, key, LocalDate.ofInstant(m.timestamp(), ZoneOffset.UTC));
    }

    /** Newest first; the cursor is the last (time, id) seen. */
    List<EventView> timeline(long workspaceId, long contactId, Cursor after, int limit) {
        Instant at = after == null || after.at() == null ? Instant.parse("9999-01-01T00:00:00Z") : after.at();
        long id = after == null ? Long.MAX_VALUE : after.id();
        return jdbc.sql("""
                select id, type, name, message_id, user_id, anonymous_id, occurred_at, received_at, properties, traits, context
                from event where workspace_id = ? and contact_id = ? and (occurred_at, id) < (?, ?)
                order by occurred_at desc, id desc limit ?""")
                .params(workspaceId, contactId, Timestamp.from(at), id, limit)
                .query((rs, n) -> new EventView(Ids.EVENT.format(rs.getLong(1)), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(),
                        read(rs.getString(9)), read(rs.getString(10)), read(rs.getString(11))))
                .list();
    }

    /**
     * The latest {@code perContact} events of a type (any type when null; and, unless {@code names} is
     * empty, of these names) of each contact, newest first: one index scan per contact in one statement.
     */
    Map<Long, List<EventView>> latest(long workspaceId, long[] contactIds, String type, String[] names, int perContact) {
        Map<Long, List<EventView>> out = new HashMap<>();
        jdbc.sql("""
                select c.id, e.id, e.type, e.name, e.message_id, e.user_id, e.anonymous_id, e.occurred_at, e.received_at,
                       e.properties, e.traits, e.context
                from unnest(?::bigint[]) c(id) cross join lateral (
                    select * from event where workspace_id = ? and contact_id = c.id and (?::text is null or type = ?)
                      and (cardinality(?::text[]) = 0 or name = any(?::text[]))
                    order by occurred_at desc, id desc limit ?) e
                order by c.id, e.occurred_at desc, e.id desc""")
                .params(contactIds, workspaceId, type, type, names, names, perContact)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new EventView(Ids.EVENT.format(rs.getLong(2)),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant(), read(rs.getString(10)),
                            read(rs.getString(11)), read(rs.getString(12))));
                });
        return out;
    }

    /** Time, type, name and page path of a contact's activity, oldest first: what a behaviour refold reads. */
    void activity(long workspaceId, long contactId, ActivityConsumer consumer) {
        jdbc.sql("""
                select occurred_at, type, name, coalesce(properties->>'path', context->'page'->>'path', properties->>'url')
                from event where workspace_id = ? and contact_id = ? and type in ('track', 'page', 'screen')
                order by occurred_at, id""")
                .params(workspaceId, contactId)
                .query(rs -> {
                    consumer.accept(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4));
                });
    }

    interface ActivityConsumer {
        void accept(Instant at, String type, String name, String path);
    }

    void moveContact(long workspaceId, long sourceId, long targetId) {
        jdbc.sql("update event set contact_id = ? where workspace_id = ? and contact_id = ?").params(targetId, workspaceId, sourceId).update();
        jdbc.sql("""
                insert into contact_event_daily (workspace_id, contact_id, event_key, day, count)
                select workspace_id, ?, event_key, day, count from contact_event_daily where workspace_id = ? and contact_id = ?
                on conflict (workspace_id, contact_id, event_key, day) do update set count = contact_event_daily.count + excluded.count""")
                .params(targetId, workspaceId, sourceId).update();
        jdbc.sql("delete from contact_event_daily where workspace_id = ? and contact_id = ?").params(workspaceId, sourceId).update();
    }

    void deleteContact(long workspaceId, long contactId) {
        jdbc.sql("delete from event where workspace_id = ? and contact_id = ?").params(workspaceId, contactId).update();
        jdbc.sql("delete from contact_event_daily where workspace_id = ? and contact_id = ?").params(workspaceId, contactId).update();
    }

    private Map<String, Object> read(String text) {
        return text == null ? null : json.readValue(text, MAP);
    }

    /** The month's partition of the event table, made if missing; concurrent creators of the same month wait for each other. */
    void createPartition(YearMonth month) {
        LocalDate from = month.atDay(1);
        String table = "event_p%04d_%02d".formatted(month.getYear(), month.getMonthValue());
        AdvisoryLock.EVENT_PARTITION.lock(jdbc, month.getYear() * 12 + month.getMonthValue());
        jdbc.sql("create table if not exists " + table + " partition of event for values from ('" + from + " 00:00:00+00') to ('"
                + from.plusMonths(1) + " 00:00:00+00')").update();
        // A partition does not inherit its parent's statistics targets (V34).
        jdbc.sql("alter table " + table + " alter column properties set statistics 0, alter column traits set statistics 0,"
                + " alter column context set statistics 0, alter column integrations set statistics 0").update();
    }
}
