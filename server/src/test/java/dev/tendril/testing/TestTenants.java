package dev.tendril.testing;

import dev.tendril.workspace.ApiKeys;
import dev.tendril.workspace.KeyKind;
import dev.tendril.workspace.Role;
import dev.tendril.workspace.Workspaces;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/** Makes a fresh workspace with a write key, a secret key and an owner for each test. */
@TestComponent
public class TestTenants {
    private final Workspaces workspaces;
    private final ApiKeys keys;
    private final JsonMapper json;
    private final Environment env;

    TestTenants(Workspaces workspaces, ApiKeys keys, JsonMapper json, Environment env) {
        this.workspaces = workspaces;
        this.keys = keys;
        this.json = json;
        this.env = env;
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
