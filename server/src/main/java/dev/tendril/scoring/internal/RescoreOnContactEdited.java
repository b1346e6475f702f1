package dev.tendril.scoring.internal;

import dev.tendril.contact.ContactEdited;
import java.util.ArrayList;
import java.util.List;
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
    static final int CLAIM = 100; // small rounds: one workspace's backlog (a CSV import) must not hold up another's edits
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
            boolean progress = true;
            while (progress) {
                progress = false;
                for (long workspaceId : pendingWorkspaces()) {
                    progress |= drain(workspaceId);
                }
            }
        } finally {
            busy.set(false);
        }
    }

    private List<Long> pendingWorkspaces() {
        return jdbc.sql("select distinct workspace_id from score_pending order by 1").query(Long.class).list();
    }

    /**
     * Claims up to {@link #CLAIM} edits of one workspace and rescores them in the same transaction, so a
     * crash or a lock conflict puts them back; one workspace's trouble never holds up another's.
     */
    private boolean drain(long workspaceId) {
        try {
            return Boolean.TRUE.equals(tx.execute(status -> {
                List<Long> ids = jdbc.sql("""
                        delete from score_pending where id in (
                            select id from score_pending where workspace_id = ? order by id limit ? for update skip locked)
                        returning contact_id""")
                        .params(workspaceId, CLAIM).query(Long.class).list();
                if (!ids.isEmpty()) {
                    rescore.rescore(workspaceId, ids.stream().distinct().toList(), REASON);
                }
                return !ids.isEmpty();
            }));
        } catch (RuntimeException e) {
            log.warn("Rescoring edited contacts of workspace {} failed; they stay pending and are retried", workspaceId, e);
            return false;
        }
    }
}
