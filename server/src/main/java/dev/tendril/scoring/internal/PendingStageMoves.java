package dev.tendril.scoring.internal;

import dev.tendril.contact.ContactView;
import dev.tendril.contact.Contacts;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Automatic stage moves decided by a rescore ({@code stage_pending}), applied after it commits, each
 * in a transaction of its own. Writing the stage locks the contact row, which ingestion locks too:
 * done inside a rescore round it would hold that lock for the whole round. A move whose contact has
 * changed stage since (by hand, say) is dropped; the next rescore decides again.
 */
@Component
class PendingStageMoves {
    private static final Logger log = LoggerFactory.getLogger(PendingStageMoves.class);

    private record Move(long contactId, long workspaceId, String from, String to, String reason, Instant decidedAt) {}

    private final JdbcClient jdbc;
    private final Contacts contacts;
    private final StageChanges stages;
    private final TransactionTemplate tx;

    PendingStageMoves(JdbcClient jdbc, Contacts contacts, StageChanges stages, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.stages = stages;
        this.tx = tx;
    }

    /** In the rescore's transaction: the latest decision for a contact replaces an earlier one not yet applied. */
    void decide(long workspaceId, long contactId, String from, String to, String reason, Instant at) {
        jdbc.sql("""
                insert into stage_pending (contact_id, workspace_id, from_stage, to_stage, reason, decided_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (contact_id) do update set from_stage = excluded.from_stage, to_stage = excluded.to_stage,
                    reason = excluded.reason, decided_at = excluded.decided_at""")
                .params(contactId, workspaceId, from, to, reason, Timestamp.from(at)).update();
    }

    /** Applies pending moves one contact at a time until none is left; whether any was taken. */
    boolean applyAll() {
        boolean any = false;
        try {
            while (Boolean.TRUE.equals(tx.execute(status -> applyOne()))) {
                any = true;
            }
        } catch (RuntimeException e) {
            log.warn("Applying a pending stage move failed; it stays pending and is retried", e);
        }
        return any;
    }

    private boolean applyOne() {
        Optional<Move> claimed = jdbc.sql("""
                select contact_id, workspace_id, from_stage, to_stage, reason, decided_at from stage_pending
                order by decided_at limit 1 for update skip locked""")
                .query((rs, n) -> new Move(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .optional();
        if (claimed.isEmpty()) {
            return false;
        }
        Move m = claimed.get();
        jdbc.sql("delete from stage_pending where contact_id = ?").param(m.contactId()).update();
        if (contacts.lock(m.workspaceId(), new long[] {m.contactId()})
                && contacts.find(m.workspaceId(), m.contactId()).map(ContactView::lifecycleStage).filter(m.from()::equals).isPresent()) {
            stages.move(m.workspaceId(), m.contactId(), m.from(), m.to(), true, m.reason(), m.decidedAt());
        }
        return true;
    }
}
