package dev.tendril.platform;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Lets PostgreSQL reuse its plans for the rest of the current transaction. Pooled connections force a
 * fresh plan for every statement (a plan cached while the tables were empty kept scanning them once they
 * had grown), and for the short, constant statements of the hot paths (event groups, pending rescores
 * and segment re-evaluation: index lookups of a few thousand ids at most) that planning was a fifth of
 * PostgreSQL's time (docs/benchmarks.md). With {@code auto}, PostgreSQL takes a cached generic plan only
 * when it costs no more than fresh ones, and an ANALYZE of a table it reads discards it.
 */
public final class ReusePlans {
    private ReusePlans() {}

    /** Call inside the transaction: {@code set local} ends with it. */
    public static void inThisTransaction(JdbcClient jdbc) {
        jdbc.sql("set local plan_cache_mode = auto").update();
    }
}
