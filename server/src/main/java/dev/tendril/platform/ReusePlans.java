package dev.tendril.platform;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Lets PostgreSQL reuse its plans for the rest of the current transaction. Pooled connections force a
 * fresh plan for every statement (a plan cached while the tables were empty kept scanning them once they
 * had grown), and for the short, constant statements of the hot paths (event groups, pending rescores
 * and segment re-evaluation: index lookups of a few thousand ids at most) that planning was a fifth of
 * PostgreSQL's time (docs/benchmarks.md). With {@code auto}, PostgreSQL takes a cached generic plan only
 * when it costs no more than fresh ones, and an ANALYZE of a table it reads discards it. A generic plan guesses
 * an id array of unknown length at ten elements, so only transactions over at most {@link #FEW_IDS} ids reuse plans.
 */
public final class ReusePlans {
    /** The most ids a transaction may hold and still reuse plans: a group commit's or a rescore round's. */
    static final int FEW_IDS = 5000;

    private ReusePlans() {}

    /**
     * Call inside the transaction, with the most ids any of its statements takes: with few, the rest of the
     * transaction reuses plans ({@code set local} ends with it); with more, it keeps planning afresh.
     */
    public static void inThisTransaction(JdbcClient jdbc, int ids) {
        if (ids <= FEW_IDS) {
            jdbc.sql("set local plan_cache_mode = auto").update();
        }
    }
}
