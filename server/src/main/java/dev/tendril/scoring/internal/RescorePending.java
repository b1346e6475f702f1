package dev.tendril.scoring.internal;

import dev.tendril.contact.CompanyEdited;
import dev.tendril.channel.SubscriptionChanged;
import dev.tendril.contact.ContactsEdited;
import dev.tendril.event.ContactsChanged;
import dev.tendril.platform.AfterCommit;
import dev.tendril.platform.ReusePlans;
import dev.tendril.platform.RoundGap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rescores contacts whose data changed: after every committed event batch ({@code ContactsChanged}),
 * after edits through the contact API, REST or CSV import ({@code ContactsEdited}), and for every contact
 * of a company that changed ({@code CompanyEdited}: firmographic rules read it), and after a subscription
 * change ({@code SubscriptionChanged}: rules may test subscription status). The change is noted
 * as {@code score_pending} rows in the changing transaction, so a crash loses nothing, and one drainer
 * per node rescores them after commit in small rounds per workspace. The rounds bound what scoring
 * takes from the connection pool: under heavy ingestion scores lag behind instead of starving it.
 * Automatic stage moves the rounds decide are applied between rounds ({@link PendingStageMoves}), also
 * those of workspace rescores. A stage move is an edit too; its rescore moves no further, as automatic
 * rules only move forward.
 */
@Component
class RescorePending {
    static final String EDITED = "contact edited";
    static final String EVENT_BATCH = "event batch";
    static final String COMPANY_EDITED = "company edited";
    static final String SUBSCRIPTION_CHANGED = "subscription changed";
    // Rounds of up to 2,000 pending rows (about 1,000 contacts under load): a round costs a fixed number of queries whatever
    // its size, so rounds of 500 fell behind 5,000 events/s where these keep up (bench/run ingest, docs/benchmarks.md),
    // while rounds alternate between workspaces, so one workspace's backlog (a CSV import) holds up another's events by
    // one round (~0.1 s) at most.
    static final int CLAIM = 2000;
    private static final Logger log = LoggerFactory.getLogger(RescorePending.class);

    private final JdbcClient jdbc;
    private final RescoreContacts rescore;
    private final PendingStageMoves stageMoves;
    private final TransactionTemplate tx;
    private final RoundGap gap;
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile boolean closing;

    RescorePending(JdbcClient jdbc, RescoreContacts rescore, PendingStageMoves stageMoves, TransactionTemplate tx, RoundGap gap) {
        this.jdbc = jdbc;
        this.rescore = rescore;
        this.stageMoves = stageMoves;
        this.tx = tx;
        this.gap = gap;
    }

    @EventListener
    void note(ContactsEdited edited) {
        note(edited.workspaceId(), edited.contactIds(), EDITED);
    }

    @EventListener
    void note(ContactsChanged changed) {
        note(changed.workspaceId(), changed.contactIds(), EVENT_BATCH);
    }

    @EventListener
    void note(CompanyEdited edited) {
        note(edited.workspaceId(), edited.contactIds(), COMPANY_EDITED);
    }

    @EventListener
    void note(SubscriptionChanged changed) {
        note(changed.workspaceId(), List.of(changed.contactId()), SUBSCRIPTION_CHANGED);
    }

    /** In the changing transaction; the drainer is woken once it commits (once per transaction, however many notes). */
    private void note(long workspaceId, Collection<Long> contactIds, String reason) {
        jdbc.sql("insert into score_pending (workspace_id, contact_id, reason) select ?, unnest(?::bigint[]), ?")
                .params(workspaceId, contactIds.stream().mapToLong(Long::longValue).toArray(), reason).update();
        AfterCommit.once(this, this::wake);
    }

    void wake() {
        if (!busy.get() && !closing) {
            Thread.ofVirtual().name("rescore-pending").start(this::drain);
        }
    }

    /** Also every second: changes committed on other nodes, or left by a crash or a busy drain. */
    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    void drain() {
        if (closing || !busy.compareAndSet(false, true)) {
            return;
        }
        try {
            boolean progress = true;
            while (progress && !closing) {
                int fullest = 0;
                for (long workspaceId : pendingWorkspaces()) {
                    fullest = Math.max(fullest, drain(workspaceId));
                }
                progress = stageMoves.applyAll() | fullest > 0;
                if (progress) {
                    gap.after(fullest, CLAIM);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // what is left stays pending
        } finally {
            busy.set(false);
        }
    }

    /**
     * On shutdown, no new rounds, and the one under way may finish (up to 10 s) while the connection pool is
     * still open: whatever is left stays pending for the next start.
     */
    @EventListener(ContextClosedEvent.class)
    void close() throws InterruptedException {
        closing = true;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (busy.get() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private List<Long> pendingWorkspaces() {
        // Workspaces with fresh events first: their scores are due within a second; edits can wait a round.
        // Found by skipping along the index from one workspace to the next, not by grouping the whole backlog.
        return jdbc.sql("""
                with recursive ws(id) as (
                    (select workspace_id from score_pending order by workspace_id limit 1)
                    union all
                    select (select p.workspace_id from score_pending p where p.workspace_id > ws.id order by p.workspace_id limit 1)
                    from ws where ws.id is not null)
                select ws.id from ws cross join lateral (
                    select p.reason = 'event batch' as fresh, p.id as first from score_pending p where p.workspace_id = ws.id
                    order by (p.reason = 'event batch') desc, p.id limit 1) f
                where ws.id is not null order by f.fresh desc, f.first""").query(Long.class).list();
    }

    /**
     * Claims the changes of up to {@link #CLAIM} contacts of one workspace and rescores them in the same transaction, so a
     * crash or a lock conflict puts them back; one workspace's trouble never holds up another's. Returns how many
     * pending rows it claimed.
     */
    private int drain(long workspaceId) {
        try {
            return tx.execute(status -> {
                ReusePlans.inThisTransaction(jdbc, CLAIM);
                Map<Long, Set<String>> reasons = new LinkedHashMap<>();
                int[] claimed = {0};
                // All pending rows of the claimed contacts go at once: a contact in twenty batches is rescored once.
                jdbc.sql("""
                        with picked as (select contact_id from score_pending where workspace_id = ?
                                        order by reason = 'event batch' desc, id limit ? for update skip locked)
                        delete from score_pending where workspace_id = ? and contact_id in (select contact_id from picked)
                        returning reason, contact_id""")
                        .params(workspaceId, CLAIM, workspaceId)
                        .query(rs -> {
                            claimed[0]++;
                            reasons.computeIfAbsent(rs.getLong(2), c -> new TreeSet<>()).add(rs.getString(1));
                        });
                // Each contact once, under all the reasons it was pending for.
                Map<String, List<Long>> byReason = new TreeMap<>();
                reasons.forEach((contact, why) -> byReason.computeIfAbsent(String.join(", ", why), r -> new ArrayList<>()).add(contact));
                byReason.forEach((reason, ids) -> rescore.rescore(workspaceId, ids, reason));
                return claimed[0];
            });
        } catch (RuntimeException e) {
            log.warn("Rescoring pending contacts of workspace {} failed; they stay pending and are retried", workspaceId, e);
            return 0;
        }
    }
}
