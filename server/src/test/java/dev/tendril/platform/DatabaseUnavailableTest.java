package dev.tendril.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseUnavailableTest {

    @Test
    void noConnectionIsUnavailableHoweverItIsWrapped() {
        var noConnection = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", new SQLException("refused", "08001"));
        assertThat(DatabaseUnavailable.is(noConnection)).isTrue();
        assertThat(DatabaseUnavailable.is(new ServletException("filter failed", noConnection))).isTrue();
        assertThat(DatabaseUnavailable.is(new CannotCreateTransactionException("Could not open JDBC Connection"))).isTrue();
    }

    @Test
    void aRollbackThatFailedOnAConnectionThePoolClosedIsUnavailable() {
        // after a failed commit: only the rollback's exception is thrown
        assertThat(DatabaseUnavailable.is(new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"))))
                .isTrue();
        // after a failed statement: the rollback's exception holds it
        var rollback = new TransactionSystemException("JDBC rollback failed");
        rollback.initApplicationException(new DataAccessResourceFailureException("An I/O error occurred while sending to the backend"));
        assertThat(DatabaseUnavailable.is(rollback)).isTrue();
    }

    @Test
    void aRequestsOwnFailureIsNot() {
        assertThat(DatabaseUnavailable.is(new DataIntegrityViolationException("duplicate key"))).isFalse();
        assertThat(DatabaseUnavailable.is(new IllegalStateException("bug"))).isFalse();
        var rollback = new TransactionSystemException("JDBC rollback failed");
        rollback.initApplicationException(new DataIntegrityViolationException("duplicate key"));
        assertThat(DatabaseUnavailable.is(rollback)).isFalse();
        assertThat(DatabaseUnavailable.is(new TransactionSystemException("JDBC commit failed", new SQLException("internal error", "XX000"))))
                .isFalse();
    }
}
