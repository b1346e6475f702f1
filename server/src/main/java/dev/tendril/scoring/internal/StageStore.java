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

    void add(long workspaceId, long contactId, String from, String to, boolean automatic, String reason, Instant at) {
        jdbc.sql("""
                insert into contact_stage_history (contact_id, workspace_id, from_stage, to_stage, source, reason, changed_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(contactId, workspaceId, from, to, automatic ? "automatic" : "manual", reason, Timestamp.from(at))
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
