package dev.tendril.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tendril.workspace.ApiKeys;
import dev.tendril.workspace.KeyKind;
import dev.tendril.workspace.Role;
import dev.tendril.workspace.Workspaces;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Makes a fresh workspace with a write key, a secret key and an owner for each test. */
@TestComponent
public class TestTenants {
    private final Workspaces workspaces;
    private final ApiKeys keys;
    private final JsonMapper json;
    private final Environment env;
    private final JdbcClient jdbc;

    TestTenants(Workspaces workspaces, ApiKeys keys, JsonMapper json, Environment env, JdbcClient jdbc) {
        this.workspaces = workspaces;
        this.keys = keys;
        this.json = json;
        this.env = env;
        this.jdbc = jdbc;
    }

    /**
     * Waits until scoring has nothing left to do in the workspace: no rescore pending, no stage move waiting
     * (a first score moves the contact to another stage, and the move rescores it once more).
     */
    public void awaitScoringSettled(long workspaceId) {
        String idle = "select not exists (select 1 from score_pending where workspace_id = ?)"
                + " and not exists (select 1 from stage_pending where workspace_id = ?)";
        assertThat(Eventually.eventually(() -> jdbc.sql(idle).params(workspaceId, workspaceId).query(Boolean.class).single(), b -> b))
                .as("scoring settled").isTrue();
    }

    public TestTenant create() {
        String slug = "t-" + UUID.randomUUID().toString().substring(0, 12);
        long id = workspaces.create(slug, "Test " + slug);
        String email = slug + "@owner.test";
        String password = "password-" + slug;
        workspaces.addUser(id, email, password, Role.OWNER);
        return new TestTenant(id, keys.issue(id, KeyKind.WRITE, "test").token(), keys.issue(id, KeyKind.SECRET, "test").token(),
                email, password, "http://localhost:" + env.getProperty("local.server.port"), json);
    }
}
