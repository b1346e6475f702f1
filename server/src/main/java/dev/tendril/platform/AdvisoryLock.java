package dev.tendril.platform;

import java.util.Arrays;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL's transaction-scoped advisory locks, one class (the first key) per use, all named here so that no two
 * uses share a class by accident. Advisory rather than row locks: a row lock writes every locked tuple (and WAL),
 * turns into a multixact as soon as a foreign-key check shares the row, and slows every later read of it.
 */
public enum AdvisoryLock {
    /** Creating a month partition of the event table (key: year × 12 + month). */
    EVENT_PARTITION(7341),
    /** Rescoring a contact: concurrent rescores of one contact queue, while ingestion never waits for them. */
    RESCORE(7342),
    /** A contact: shared by ingestion, exclusive for deletes, merges, stage moves and consent changes. */
    CONTACT(7343),
    /** A contact's counters and behaviour, taken by ingestion last, once its events are copied. */
    CONTACT_DERIVED_STATE(7344),
    /** An identity (user id, anonymous id, email) being resolved, keyed by its hash: batches naming the same person queue. */
    IDENTITY(7345);

    private final int lockClass;

    AdvisoryLock(int lockClass) {
        this.lockClass = lockClass;
    }

    /** Takes this class's lock on one key until the transaction ends. */
    public void lock(JdbcClient jdbc, int key) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(?, ?)").params(lockClass, key).query(Integer.class).single();
    }

    /**
     * Takes this class's lock on each id until the transaction ends, exclusive or shared. Ids are folded to the lock's
     * 32-bit key (two ids may share a lock, which only makes their holders queue) and locked in key order, so that
     * holders of several never deadlock.
     */
    public void lockAll(JdbcClient jdbc, long[] ids, boolean shared) {
        int[] keys = Arrays.stream(ids).mapToInt(id -> (int) (id ^ (id >>> 32))).sorted().distinct().toArray();
        if (keys.length > 0) {
            jdbc.sql("select count(*) from (select " + (shared ? "pg_advisory_xact_lock_shared" : "pg_advisory_xact_lock")
                            + "(?, k) from unnest(?::int[]) as k) l")
                    .params(lockClass, keys).query(Long.class).single();
        }
    }
}
