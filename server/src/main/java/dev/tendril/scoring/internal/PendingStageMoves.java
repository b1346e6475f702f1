package dev.tendril.scoring.internal;

import dev.tendril.platform.ReusePlans;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Automatic stage moves decided by a rescore ({@code stage_pending}), applied after it commits, each
 * in short transactions of their own (up to 100 contacts each, a few statements per workspace). Writing the stage takes the
 * contacts' locks, which ingestion takes too: done inside a rescore round it would hold them for the whole round. A move whose contact has
 * changed stage since (by hand, say) is dropped; the next rescore decides again.
 */
@Component
class PendingStageMoves {
    static final int CHUNK = 100;
    private static final Logger log = LoggerFactory.getLogger(PendingStageMoves.class);

    private record Move(long contactId, long workspaceId, String from, String to, String reason, Instant decidedAt) {}

    private final JdbcClient jdbc;
    private final StageChanges stages;
    private final TransactionTemplate tx;

    PendingStageMoves(JdbcClient jdbc, StageChanges stages, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.stages = stages;
        this.tx = tx;
    }

    /** A move a rescore decided. */
    record Decided(long contactId, String from, String to, String reason) {}

    /** In the rescore's transaction: the latest decision for a contact replaces an earlier one not yet applied. */
    void decide(long workspaceId, List<Decided> moves, Instant at) {
        if (moves.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into stage_pending (contact_id, workspace_id, from_stage, to_stage, reason, decided_at)
                select u.id, ?, u.from_stage, u.to_stage, u.reason, ? from unnest(?::bigint[], ?::text[], ?::text[], ?::text[])
                    as u(id, from_stage, to_stage, reason)
                on conflict (contact_id) do update set from_stage = excluded.from_stage, to_stage = excluded.to_stage,
                    reason = excluded.reason, decided_at = excluded.decided_at""")
                .params(workspaceId, Timestamp.from(at), moves.stream().mapToLong(Decided::contactId).toArray(),
                        moves.stream().map(Decided::from).toArray(String[]::new), moves.stream().map(Decided::to).toArray(String[]::new),
                        moves.stream().map(Decided::reason).toArray(String[]::new))
                .update();
    }

    /** Applies pending moves, up to {@value #CHUNK} contacts per transaction, until none is left; whether any was taken. */
    boolean applyAll() {
        boolean any = false;
        try {
            while (Boolean.TRUE.equals(tx.execute(status -> applyChunk()))) {
                any = true;
            }
        } catch (RuntimeException e) {
            log.warn("Applying pending stage moves failed; they stay pending and are retried", e);
        }
        return any;
    }

    private boolean applyChunk() {
        ReusePlans.inThisTransaction(jdbc, CHUNK);
        List<Move> claimed = jdbc.sql("""
                delete from stage_pending where contact_id in (
                    select contact_id from stage_pending order by decided_at limit ? for update skip locked)
                returning contact_id, workspace_id, from_stage, to_stage, reason, decided_at""")
                .param(CHUNK)
                .query((rs, n) -> new Move(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
        // Per workspace, all at once; a contact whose stage changed since the decision keeps it (StageChanges.moveAutomatically).
        claimed.stream().collect(Collectors.groupingBy(Move::workspaceId)).forEach((workspaceId, moves) -> stages.moveAutomatically(workspaceId,
                moves.stream().map(m -> new StageStore.Entry(m.contactId(), m.from(), m.to(), m.reason(), m.decidedAt())).toList()));
        return !claimed.isEmpty();
    }
}
