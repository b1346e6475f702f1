package dev.tendril.contact.internal;

import dev.tendril.contact.StageMove;
import dev.tendril.platform.Cursor;
import dev.tendril.platform.Ids;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Lifecycle-stage history ({@code contact_stage_history}), scoped by workspace. */
@Repository
public class StageHistoryStore {
    private final JdbcClient jdbc;

    StageHistoryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(long workspaceId, List<StageMove> entries, boolean automatic) {
        if (entries.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into contact_stage_history (contact_id, workspace_id, from_stage, to_stage, source, reason, changed_at)
                select u.id, ?, u.from_stage, u.to_stage, ?, u.reason, u.changed_at
                from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::timestamptz[]) as u(id, from_stage, to_stage, reason, changed_at)""")
                .params(workspaceId, automatic ? "automatic" : "manual", entries.stream().mapToLong(StageMove::contactId).toArray(),
                        entries.stream().map(StageMove::from).toArray(String[]::new), entries.stream().map(StageMove::to).toArray(String[]::new),
                        entries.stream().map(StageMove::reason).toArray(String[]::new),
                        entries.stream().map(e -> Timestamp.from(e.at())).toArray(Timestamp[]::new))
                .update();
    }

    List<StageHistoryEntry> history(long workspaceId, long contactId, Cursor after, int limit) {
        return jdbc.sql("""
                select id, from_stage, to_stage, source, reason, changed_at from contact_stage_history
                where workspace_id = ? and contact_id = ? and id < ? order by id desc limit ?""")
                .params(workspaceId, contactId, after == null ? Long.MAX_VALUE : after.id(), limit)
                .query((rs, n) -> new StageHistoryEntry(Ids.STAGE_CHANGE.format(rs.getLong(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }
}
