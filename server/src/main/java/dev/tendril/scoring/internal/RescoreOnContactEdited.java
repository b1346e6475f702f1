package dev.tendril.scoring.internal;

import dev.tendril.contact.ContactEdited;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rescores contacts created or changed through the contact API (REST, CSV import): demographic and
 * firmographic rules read their fields. The edit is noted in its own transaction ({@code score_pending},
 * so a crash loses nothing) and rescored after commit in batches — a CSV import of thousands of rows
 * costs a few rescores, not one task per row. An automatic stage move is such an edit too; its
 * rescore moves no further, as automatic rules only move forward.
 */
@Component
class RescoreOnContactEdited {
    static final String REASON = "contact edited";
    static final int CLAIM = 500;
    private static final Logger log = LoggerFactory.getLogger(RescoreOnContactEdited.class);

    private final JdbcClient jdbc;
    private final RescoreContacts rescore;
    private final TransactionTemplate tx;
    private final AtomicBoolean busy = new AtomicBoolean();

    RescoreOnContactEdited(JdbcClient jdbc, RescoreContacts rescore, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.rescore = rescore;
        this.tx = tx;
    }

    @EventListener
    void note(ContactEdited edited) {
        jdbc.sql("insert into score_pending (workspace_id, contact_id) values (?, ?)").params(edited.workspaceId(), edited.contactId())
                .update();
    }

    @TransactionalEventListener
    void committed(ContactEdited edited) {
        Thread.ofVirtual().name("rescore-edited").start(this::drain);
    }

    /** Also every second: edits committed on other nodes, or left by a crash or a busy drain. */
    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    void drain() {
        if (!busy.compareAndSet(false, true)) {
            return;
        }
        try {
            while (Boolean.TRUE.equals(tx.execute(status -> round()))) {
                // more may be pending
            }
        } catch (RuntimeException e) {
            log.warn("Rescoring edited contacts failed; they stay pending and are retried", e);
        } finally {
            busy.set(false);
        }
    }

    /** Claims up to {@link #CLAIM} edits and rescores them per workspace, in one transaction; false when none were pending. */
    private boolean round() {
        Map<Long, List<Long>> byWorkspace = new TreeMap<>();
        jdbc.sql("""
                delete from score_pending where id in (select id from score_pending order by id limit ? for update skip locked)
                returning workspace_id, contact_id""")
                .param(CLAIM)
                .query(rs -> {
                    byWorkspace.computeIfAbsent(rs.getLong(1), ws -> new ArrayList<>()).add(rs.getLong(2));
                });
        byWorkspace.forEach((workspaceId, ids) -> rescore.rescore(workspaceId, ids, REASON));
        return !byWorkspace.isEmpty();
    }
}
