package dev.tendril.platform;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one home of PostgreSQL's plan-cache settings. Every pooled connection starts with {@link #PER_CONNECTION}:
 * tables grow from empty, and a generic plan cached while they were small kept scanning them once they had grown.
 * The hot paths of few ids (an event group and its identities, a pending-rescore round, a real-time segment round,
 * stage moves) call {@link #reuseInThisTransaction}: their statements are constant index lookups, and planning
 * them afresh every time was a fifth of PostgreSQL's time at half load (docs/benchmarks.md). With {@code auto},
 * PostgreSQL takes a cached generic plan only when it costs no more than fresh ones, and an ANALYZE of a table it
 * reads discards it. A generic plan guesses an id array of unknown length at ten elements, so only transactions
 * over at most {@link #FEW_IDS} ids reuse plans.
 */
public final class PlanCache {
    /** Run on every new pooled connection (the pool's init SQL, set by the platform for any pool). */
    public static final String PER_CONNECTION = "SET plan_cache_mode = force_custom_plan";
    /** The most ids a transaction may hold and still reuse plans: a group commit's or a rescore round's. */
    static final int FEW_IDS = 5000;

    private PlanCache() {}

    /**
     * Call inside the transaction, with the most ids any of its statements takes: with few, the rest of the
     * transaction reuses plans ({@code set local} ends with it); with more, it keeps planning afresh.
     */
    public static void reuseInThisTransaction(JdbcClient jdbc, int ids) {
        if (ids <= FEW_IDS) {
            jdbc.sql("set local plan_cache_mode = auto").update();
        }
    }
}
