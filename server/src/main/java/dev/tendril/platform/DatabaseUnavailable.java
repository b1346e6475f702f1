package dev.tendril.platform;

import java.sql.SQLException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether an error means the database cannot be reached (down, restarting, failing over, out of connections): no
 * request caused it, and the same request may succeed a moment later. Such errors answer 503 with {@code Retry-After}.
 * <p>
 * A transaction whose connection was lost fails once more when Spring rolls it back: the pool has closed the broken
 * connection, and the rollback's {@link TransactionSystemException} is what is thrown. Its cause is an SQLException
 * without an SQLState (from the pool or driver, never from the server, whose errors all carry one); when the loss
 * happened in the transaction's own work rather than in its commit, the exception also holds that loss.
 */
public final class DatabaseUnavailable {
    private DatabaseUnavailable() {}

    public static boolean is(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof DataAccessResourceFailureException || e instanceof CannotCreateTransactionException
                    || e instanceof TransientDataAccessResourceException) {
                return true;
            }
            if (e instanceof TransactionSystemException t && (t.getCause() instanceof SQLException sql && sql.getSQLState() == null
                    || t.getApplicationException() != null && is(t.getApplicationException()))) {
                return true;
            }
        }
        return false;
    }
}
