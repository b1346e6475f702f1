package dev.tendril.platform;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether an error means the database cannot be reached (down, restarting, failing over, out of connections): no
 * request caused it, and the same request may succeed a moment later. Such errors answer 503 with {@code Retry-After}.
 * A transaction whose connection was lost fails once more on its rollback ("Connection is closed"); Spring then throws
 * the rollback's {@link TransactionSystemException}, which holds the loss as its application exception.
 */
public final class DatabaseUnavailable {
    private DatabaseUnavailable() {}

    public static boolean is(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof DataAccessResourceFailureException || e instanceof CannotCreateTransactionException
                    || e instanceof TransientDataAccessResourceException) {
                return true;
            }
            if (e instanceof TransactionSystemException t && t.getApplicationException() != null && is(t.getApplicationException())) {
                return true;
            }
        }
        return false;
    }
}
