package dev.tendril.platform;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bounds the statements of the current transaction, for the queries a user shapes (segment previews, contact
 * searches): one request must not hold a connection and a core for minutes. A statement past the bound is cancelled,
 * which Spring reports as a {@code QueryTimeoutException}, answered as a 422 (problem JSON) unless the caller names
 * the field to blame.
 */
public final class QueryTimeout {
    private QueryTimeout() {}

    /** Call inside the transaction; the bound ends with it. */
    public static void inThisTransaction(JdbcClient jdbc, Duration timeout) {
        jdbc.sql("select set_config('statement_timeout', ?, true)").param(Long.toString(timeout.toMillis())).query(String.class).single();
    }
}
