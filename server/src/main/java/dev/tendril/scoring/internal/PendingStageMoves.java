package dev.tendril.scoring.internal;

import dev.tendril.contact.LifecycleStages;
import dev.tendril.contact.StageMove;
import dev.tendril.platform.PlanCache;
import dev.tendril.platform.Worker;
import dev.tendril.platform.Workers;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Automatic stage moves decided by a rescore ({@code stage_pending}), applied after it commits by a worker of their
 * own, up to {@value #CHUNK} contacts per short transaction. Writing the stage takes the contacts' locks, which
 * ingestion takes too: done inside a rescore round it would hold them for the whole round. A move whose contact has
 * changed stage since (by hand, say) is dropped; the next rescore decides again.
 */
@Component
class PendingStageMoves {
    static final int CHUNK = 100;

    private final StagePendingStore store;
    private final LifecycleStages stages;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;
    private final Worker worker;

    PendingStageMoves(StagePendingStore store, LifecycleStages stages, TransactionTemplate tx, JdbcClient jdbc, Workers workers) {
        this.store = store;
        this.stages = stages;
        this.tx = tx;
        this.jdbc = jdbc;
        this.worker = workers.define(Worker.Spec.queue("stage-moves", CHUNK, stop -> applyDue()).depth(store::depth));
    }

    /** In the rescore's transaction; the worker is woken once it commits. */
    void decide(long workspaceId, List<StageMove> moves) {
        if (!moves.isEmpty()) {
            store.decide(workspaceId, moves);
            worker.wakeAfterCommit();
        }
    }

    /** One round: claims up to {@value #CHUNK} decided moves and applies them, per workspace at once; how many it claimed. */
    int applyDue() {
        return tx.execute(status -> {
            PlanCache.reuseInThisTransaction(jdbc, CHUNK);
            List<StagePendingStore.Claimed> claimed = store.claim(CHUNK);
            claimed.stream().collect(Collectors.groupingBy(StagePendingStore.Claimed::workspaceId)).forEach((workspaceId, moves) ->
                    stages.moveAutomatically(workspaceId, moves.stream().map(StagePendingStore.Claimed::move).toList()));
            return claimed.size();
        });
    }
}
