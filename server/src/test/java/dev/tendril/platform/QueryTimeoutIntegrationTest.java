package dev.tendril.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tendril.testing.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class QueryTimeoutIntegrationTest {
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    @Test
    void aStatementPastTheBoundIsCancelledAndTheBoundEndsWithTheTransaction() {
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            QueryTimeout.inThisTransaction(jdbc, Duration.ofMillis(50));
            jdbc.sql("select pg_sleep(5)").query().listOfRows();
        })).isInstanceOf(QueryTimeoutException.class);
        String after = tx.execute(s -> jdbc.sql("show statement_timeout").query(String.class).single());
        assertThat(after).isEqualTo("0");
    }
}
