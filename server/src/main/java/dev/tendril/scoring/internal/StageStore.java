package dev.tendril.scoring.internal;

import dev.tendril.platform.Cursor;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Lifecycle-stage history ({@code contact_stage_history}), scoped by workspace. */
@Repository
class StageStore {
    private final JdbcClient jdbc;

    StageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One stage change for the history: the contact, the stages, why and when. */
    record Entry(long contactId, String from, String to, String reason, Instant at) {}

    void add(long workspaceId, List<Entry> entries, boolean automatic) {
        if (entries.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into contact_stage_history (contact_id, workspace_id, from_stage, to_stage, source, reason, changed_at)
                select u.id, ?, u.from_stage, u.to_stage, ?, u.reason, u.changed_at
                from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::timestamptz[]) as u(id, from_stage, to_stage, reason, changed_at)""")
                .params(workspaceId, automatic ? "automatic" : "manual", entries.stream().mapToLong(Entry::contactId).toArray(),
                        entries.stream().map(Entry::from).toArray(String[]::new), entries.stream().map(Entry::to).toArray(String[]::new),
                        entries.stream().map(Entry::reason).toArray(String[]::new),
                        entries.stream().map(e -> Timestamp.from(e.at())).toArray(Timestamp[]::new))
                .update();
    }

    List<StageHistoryEntry> history(long workspaceId, long contactId, Cursor after, int limit) {
        return jdbc.sql("""
                select id, from_stage, to_stage, source, reason, changed_at from contact_stage_history
                where workspace_id = ? and contact_id = ? and id < ? order by id desc limit ?""")
                .params(workspaceId, contactId, after == null ? Long.MAX_VALUE : after.id(), limit)
                .query((rs, n) -> new StageHistoryEntry(Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }
}
