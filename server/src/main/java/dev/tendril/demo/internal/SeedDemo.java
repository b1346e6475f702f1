package dev.tendril.demo.internal;

import dev.tendril.event.Ingestion;
import dev.tendril.workspace.ApiKeys;
import dev.tendril.workspace.ApiKeyView;
import dev.tendril.workspace.IssuedKey;
import dev.tendril.workspace.KeyKind;
import dev.tendril.workspace.Role;
import dev.tendril.workspace.Workspaces;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * With {@code --demo}: makes the demo workspace on first start (through the real ingestion path, so
 * counters and behaviour are what live traffic would give), then, on every start, issues fresh demo
 * keys (revoking the previous ones, since stored keys cannot be shown again) and prints how to sign in.
 */
@Component
@Order(10)
class SeedDemo implements ApplicationRunner {
    static final String SLUG = "demo";
    static final String EMAIL = "demo@tendril.local";
    static final String PASSWORD = "tendril-demo";
    private static final String KEY_NAME = "demo";
    private static final Logger log = LoggerFactory.getLogger(SeedDemo.class);

    private final Workspaces workspaces;
    private final ApiKeys keys;
    private final Ingestion ingestion;
    private final Clock clock;
    private final Environment env;
    private final int people;

    SeedDemo(Workspaces workspaces, ApiKeys keys, Ingestion ingestion, Clock clock, Environment env,
            @Value("${tendril.demo.contacts:3000}") int people) {
        this.workspaces = workspaces;
        this.keys = keys;
        this.ingestion = ingestion;
        this.clock = clock;
        this.env = env;
        this.people = people;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("demo")) {
            return;
        }
        long workspaceId = workspaces.findBySlug(SLUG).orElseGet(this::seed);
        for (ApiKeyView key : keys.list(workspaceId)) {
            if (key.name().equals(KEY_NAME) && key.revokedAt() == null) {
                keys.revoke(workspaceId, key.id());
            }
        }
        IssuedKey write = keys.issue(workspaceId, KeyKind.WRITE, KEY_NAME);
        IssuedKey secret = keys.issue(workspaceId, KeyKind.SECRET, KEY_NAME);
        String url = "http://localhost:" + env.getProperty("local.server.port", "8080");
        System.out.printf("""

                ==================== Tendril demo ====================
                  UI          %s  (sign in: %s / %s)
                  API docs    %s/swagger-ui.html
                  write key   %s   (Segment write key, HTTP Basic username)
                  secret key  %s   (REST API: Authorization: Bearer …)
                ======================================================

                """, url, EMAIL, PASSWORD, url, write.token(), secret.token());
    }

    private long seed() {
        long workspaceId = workspaces.create(SLUG, "Tendril Demo");
        workspaces.addUser(workspaceId, EMAIL, PASSWORD, Role.OWNER);
        DemoData data = new DemoData(2026, clock.instant(), Math.max(10, people / 20));
        List<Map<String, Object>> batch = new ArrayList<>();
        long started = System.nanoTime();
        int events = 0;
        for (int i = 0; i < people; i++) {
            batch.addAll(data.person(i));
            if (batch.size() >= 400 || i == people - 1) {
                events += ingestion.batch(workspaceId, Map.of("batch", List.copyOf(batch)));
                batch.clear();
            }
            if ((i + 1) % 500 == 0) {
                log.info("Demo data: {} of {} people, {} events", i + 1, people, events);
            }
        }
        log.info("Demo workspace seeded: {} people, {} events in {} s", people, events, (System.nanoTime() - started) / 1_000_000_000);
        return workspaceId;
    }
}
