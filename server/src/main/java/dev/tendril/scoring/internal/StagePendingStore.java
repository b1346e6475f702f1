package dev.tendril.scoring.internal;

import dev.tendril.contact.StageMove;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Automatic stage moves decided by rescores and not yet applied ({@code stage_pending}). */
@Repository
class StagePendingStore {
    /** A claimed move and the workspace of its contact. */
    record Claimed(long workspaceId, StageMove move) {}

    private final JdbcClient jdbc;

    StagePendingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In the rescore's transaction: the latest decision for a contact replaces an earlier one not yet applied. */
    void decide(long workspaceId, List<StageMove> moves) {
        if (moves.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into stage_pending (contact_id, workspace_id, from_stage, to_stage, reason, decided_at)
                select u.id, ?, u.from_stage, u.to_stage, u.reason, u.decided_at
                from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::timestamptz[]) as u(id, from_stage, to_stage, reason, decided_at)
                on conflict (contact_id) do update set from_stage = excluded.from_stage, to_stage = excluded.to_stage,
                    reason = excluded.reason, decided_at = excluded.decided_at""")
                .params(workspaceId, moves.stream().mapToLong(StageMove::contactId).toArray(),
                        moves.stream().map(StageMove::from).toArray(String[]::new), moves.stream().map(StageMove::to).toArray(String[]::new),
                        moves.stream().map(StageMove::reason).toArray(String[]::new),
                        moves.stream().map(m -> Timestamp.from(m.at())).toArray(Timestamp[]::new))
                .update();
    }

    /** Claims (deletes, in the caller's transaction) up to {@code limit} of the oldest decisions no other node holds. */
    List<Claimed> claim(int limit) {
        return jdbc.sql("""
                delete from stage_pending where contact_id in (
                    select contact_id from stage_pending order by decided_at limit ? for update skip locked)
                returning contact_id, workspace_id, from_stage, to_stage, reason, decided_at""")
                .param(limit)
                .query((rs, n) -> new Claimed(rs.getLong(2), new StageMove(rs.getLong(1), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant())))
                .list();
    }

    long depth() {
        return jdbc.sql("select count(*) from stage_pending").query(Long.class).single();
    }
}
