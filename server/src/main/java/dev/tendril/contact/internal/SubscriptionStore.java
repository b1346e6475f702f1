package dev.tendril.contact.internal;

import dev.tendril.platform.Cursor;
import dev.tendril.platform.Ids;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code contact_subscription} rows and their change record. */
@Repository
public class SubscriptionStore {
    private final JdbcClient jdbc;

    SubscriptionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<Long, Map<String, String>> statuses(long workspaceId, Collection<Long> contactIds) {
        Map<Long, Map<String, String>> out = new HashMap<>();
        if (contactIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select contact_id, channel, status from contact_subscription where workspace_id = ? and contact_id = any(?)")
                .params(workspaceId, contactIds.stream().mapToLong(Long::longValue).toArray())
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                });
        return out;
    }

    List<SubscriptionView> of(long workspaceId, long contactId) {
        return jdbc.sql("select channel, status, source, updated_at from contact_subscription where workspace_id = ? and contact_id = ?")
                .params(workspaceId, contactId)
                .query((rs, n) -> new SubscriptionView(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4))).list();
    }

    /** The stored row, locked until the transaction ends. */
    Optional<SubscriptionView> lock(long workspaceId, long contactId, String channel) {
        return jdbc.sql("select channel, status, source, updated_at from contact_subscription"
                        + " where workspace_id = ? and contact_id = ? and channel = ? for update")
                .params(workspaceId, contactId, channel)
                .query((rs, n) -> new SubscriptionView(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4))).optional();
    }

    void save(long workspaceId, long contactId, String channel, String from, String to, String source, Instant at) {
        OffsetDateTime time = at.atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                insert into contact_subscription (contact_id, workspace_id, channel, status, source, updated_at) values (?, ?, ?, ?, ?, ?)
                on conflict (contact_id, channel) do update set status = excluded.status, source = excluded.source, updated_at = excluded.updated_at""")
                .params(contactId, workspaceId, channel, to, source, time).update();
        jdbc.sql("""
                insert into contact_subscription_change (contact_id, workspace_id, channel, from_status, to_status, source, changed_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(contactId, workspaceId, channel, from, to, source, time).update();
    }

    /** Newest first; {@code limit} rows after the cursor. */
    List<SubscriptionChangeView> changes(long workspaceId, long contactId, Cursor after, int limit) {
        return jdbc.sql("""
                select id, channel, from_status, to_status, source, changed_at from contact_subscription_change
                where workspace_id = ? and contact_id = ? and id < ? order by id desc limit ?""")
                .params(workspaceId, contactId, after == null ? Long.MAX_VALUE : after.id(), limit)
                .query((rs, n) -> new SubscriptionChangeView(Ids.SUBSCRIPTION_CHANGE.format(rs.getLong(1)), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), instant(rs, 6))).list();
    }

    /** The merged contact's change record goes with it to the contact it was merged into. */
    void moveChanges(long workspaceId, long fromContact, long toContact) {
        jdbc.sql("update contact_subscription_change set contact_id = ? where workspace_id = ? and contact_id = ?")
                .params(toContact, workspaceId, fromContact).update();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
