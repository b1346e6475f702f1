package dev.tendril.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tendril.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class PlanCacheIntegrationTest {
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    @Test
    void aTransactionOfFewIdsReusesPlansUntilItEnds() {
        String inside = tx.execute(s -> {
            PlanCache.reuseInThisTransaction(jdbc, PlanCache.FEW_IDS);
            return mode();
        });
        String after = tx.execute(s -> mode());
        assertThat(inside).isEqualTo("auto");
        assertThat(after).as("the next transaction on the pool").isEqualTo("force_custom_plan");
    }

    @Test
    void aTransactionOfManyIdsKeepsPlanningAfresh() {
        String inside = tx.execute(s -> {
            PlanCache.reuseInThisTransaction(jdbc, PlanCache.FEW_IDS + 1);
            return mode();
        });
        assertThat(inside).isEqualTo("force_custom_plan");
    }

    private String mode() {
        return jdbc.sql("show plan_cache_mode").query(String.class).single();
    }
}
