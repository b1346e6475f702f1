package dev.tendril.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tendril.event.Ingestion;
import dev.tendril.testing.IntegrationTest;
import dev.tendril.workspace.ApiKeyView;
import dev.tendril.workspace.ApiKeys;
import dev.tendril.workspace.Workspaces;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code --demo} on a small crowd: the workspace is seeded through ingestion once, and every start issues fresh keys. */
@IntegrationTest
class SeedDemoIntegrationTest {
    @Autowired Workspaces workspaces;
    @Autowired ApiKeys keys;
    @Autowired Ingestion ingestion;
    @Autowired Clock clock;
    @Autowired Environment env;
    @Autowired JdbcClient jdbc;

    long count(String table, long workspaceId) {
        return jdbc.sql("select count(*) from " + table + " where workspace_id = ?").param(workspaceId).query(Long.class).single();
    }

    @Test
    void seedsTheDemoWorkspaceOnceAndIssuesFreshKeysOnEveryStart() {
        SeedDemo demo = new SeedDemo(workspaces, keys, ingestion, clock, env, 40);
        demo.run(new DefaultApplicationArguments("--demo"));
        long workspaceId = workspaces.findBySlug(SeedDemo.SLUG).orElseThrow();
        assertThat(count("contact", workspaceId)).isEqualTo(40);
        long events = count("event", workspaceId);
        assertThat(events).isGreaterThan(40);
        assertThat(count("company", workspaceId)).isPositive();
        assertThat(count("contact_behavior", workspaceId)).isPositive();
        List<ApiKeyView> first = live(workspaceId);
        assertThat(first).extracting(ApiKeyView::kind).containsExactlyInAnyOrder("write", "secret");

        demo.run(new DefaultApplicationArguments("--demo"));
        assertThat(count("contact", workspaceId)).as("seeded once").isEqualTo(40);
        assertThat(count("event", workspaceId)).isEqualTo(events);
        List<ApiKeyView> second = live(workspaceId);
        assertThat(second).hasSize(2).extracting(ApiKeyView::id).doesNotContainAnyElementsOf(first.stream().map(ApiKeyView::id).toList());

        new SeedDemo(workspaces, keys, ingestion, clock, env, 40).run(new DefaultApplicationArguments());
        assertThat(live(workspaceId)).as("without --demo nothing happens").isEqualTo(second);
    }

    private List<ApiKeyView> live(long workspaceId) {
        return keys.list(workspaceId).stream().filter(k -> k.name().equals("demo") && k.revokedAt() == null).toList();
    }
}
