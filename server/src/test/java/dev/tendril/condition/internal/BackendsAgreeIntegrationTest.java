package dev.tendril.condition.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tendril.condition.Condition;
import dev.tendril.condition.Conditions;
import dev.tendril.condition.ContactSnapshot;
import dev.tendril.condition.EventTests;
import dev.tendril.contact.Subscriptions;
import dev.tendril.platform.Ids;
import dev.tendril.testing.IntegrationTest;
import dev.tendril.testing.TestTenant;
import dev.tendril.testing.TestTenants;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two backends agree: random contacts (typed attributes, companies) with random events go in
 * through the real APIs, then for hundreds of random conditions the contacts the SQL selects are
 * exactly those the in-memory evaluator accepts. Scores come from the real scoring pipeline. A seeded {@link Random} rather than jqwik: jqwik's
 * engine does not run inside the shared Spring test context. Each run draws a new seed, so runs explore new cases; a failure
 * names its seed, and {@code -Dtendril.seed=N} replays it.
 */
@IntegrationTest
@ExtendWith(BackendsAgreeIntegrationTest.NameTheSeed.class)
class BackendsAgreeIntegrationTest {
    static final long SEED = Long.getLong("tendril.seed", new SecureRandom().nextLong());
    static final String REPLAY = "seed " + SEED + " (replay: -Dtendril.seed=" + SEED + ")";
    static final int CONTACTS = 40;
    static final int CONDITIONS = 600;

    @Autowired TestTenants tenants;
    @Autowired Conditions conditions;
    @Autowired LoadSnapshot snapshots;
    @Autowired ConditionQueries queries;
    @Autowired JsonMapper json;
    @Autowired JdbcClient jdbc;

    Random random = new Random(SEED);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    RandomConditions gen = new RandomConditions(random, now);
    TestTenant t;

    @Test
    void sqlSelectsExactlyTheContactsTheEvaluatorAccepts() {
        t = tenants.create();
        List<String> companies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            companies.add(created("/api/v1/companies", company(i)));
        }
        Map<Long, ContactSnapshot> contacts = new LinkedHashMap<>();
        for (int i = 0; i < CONTACTS; i++) {
            long id = Ids.CONTACT.require(created("/api/v1/contacts", contact(i, companies)));
            track(i);
            contacts.put(id, null);
        }
        subscriptions(contacts.keySet());
        scoresSettled();
        memberships(new ArrayList<>(contacts.keySet()));
        assertThat(jdbc.sql("select count(distinct score) from contact_score where workspace_id = ?").param(t.workspaceId())
                .query(Long.class).single()).as("score conditions need varied scores").isGreaterThan(3);
        contacts.replaceAll((id, none) -> snapshots.load(t.workspaceId(), id).orElseThrow());

        int selective = 0;
        List<Condition> asked = new ArrayList<>();
        List<Set<Long>> answered = new ArrayList<>();
        for (int n = 0; n < CONDITIONS; n++) {
            Map<String, Object> source = gen.condition(0);
            String text = json.writeValueAsString(source);
            Condition condition = conditions.parse(json.valueToTree(source));
            Set<Long> sql = new TreeSet<>(conditions.matchingContactIds(t.workspaceId(), condition, now));
            Set<Long> memory = new TreeSet<>();
            contacts.forEach((id, snapshot) -> {
                if (conditions.matches(condition, snapshot, now)) {
                    memory.add(id);
                }
            });
            assertThat(sql).as("%s, condition #%d %s%nSQL: %s", REPLAY, n, text, queries.sql(t.workspaceId(), condition, now))
                    .isEqualTo(memory);
            assertThat(conditions.count(t.workspaceId(), condition, now)).as("%s: %s", REPLAY, text).isEqualTo(sql.size());
            asked.add(condition);
            answered.add(sql);
            if (!sql.isEmpty() && sql.size() < CONTACTS) {
                selective++;
            }
        }
        // Many conditions at once (as a rescore round asks its model's rules) give each the same answer as alone.
        long[] ids = contacts.keySet().stream().mapToLong(Long::longValue).toArray();
        for (int from = 0; from < asked.size(); from += 40) {
            List<Condition> group = asked.subList(from, Math.min(from + 40, asked.size()));
            assertThat(conditions.matchingAmongEach(t.workspaceId(), group, now, ids)).as(REPLAY)
                    .isEqualTo(answered.subList(from, from + group.size()));
            // And with their event tests evaluated once for the whole workspace, as a workspace rescore takes them.
            EventTests known = conditions.eventTests(t.workspaceId(), group, now);
            assertThat(known.asOf()).isEqualTo(now);
            assertThat(conditions.matchingAmongEach(t.workspaceId(), group, ids, known)).as(REPLAY)
                    .isEqualTo(answered.subList(from, from + group.size()));
        }
        // Conditions that select everyone or no one would prove little.
        assertThat(selective).as(REPLAY).isGreaterThan(CONDITIONS / 4);
    }

    /** Prints the seed of a failed run, whatever failed (an assertion, or an exception while the data went in). */
    static class NameTheSeed implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            System.err.println(context.getDisplayName() + " failed with " + REPLAY);
        }
    }

    /**
     * Two static lists with random members, and two segments (one naming the other and a list) whose
     * members the random conditions can test. Their conditions read contact data and settled scores,
     * so their membership, computed on create, stays put.
     */
    void memberships(List<Long> contactIds) {
        List<String> lists = new ArrayList<>();
        for (int l = 0; l < 2; l++) {
            String list = created("/api/v1/lists", Map.of("name", "List " + l));
            List<String> members = new ArrayList<>(List.of(Ids.CONTACT.format(contactIds.get(l))));
            contactIds.stream().filter(id -> random.nextInt(3) == 0).map(Ids.CONTACT::format).forEach(members::add);
            var answer = t.api("POST", "/api/v1/lists/" + list + "/members", json.writeValueAsString(Map.of("contactIds", members)));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            lists.add(list);
        }
        String warm = created("/api/v1/segments", Map.of("name", "VPs or warm", "condition", Map.of("or", List.of(
                Map.of("attribute", "title", "op", "contains", "value", "vp"), Map.of("temperature", List.of("hot", "warm"))))));
        String nested = created("/api/v1/segments", Map.of("name", "Nested", "condition", Map.of("and", List.of(
                Map.of("inSegment", warm), Map.of("not", Map.of("inList", lists.getFirst()))))));
        gen.lists = lists;
        gen.segments = List.of(warm, nested);
    }

    /** Random statuses set through the API on random channels of most contacts (the others stay none everywhere). */
    void subscriptions(Collection<Long> contactIds) {
        List<String> settable = Subscriptions.STATUSES.stream().filter(s -> !s.equals(Subscriptions.NONE)).toList();
        for (long id : contactIds) {
            for (String channel : Subscriptions.CHANNELS) {
                if (random.nextInt(3) > 0) {
                    var answer = t.api("PUT", "/api/v1/contacts/" + Ids.CONTACT.format(id) + "/subscriptions/" + channel,
                            json.writeValueAsString(Map.of("status", settable.get(random.nextInt(settable.size())))));
                    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                }
            }
        }
    }

    /**
     * Scoring runs after each batch commits, asynchronously: waits (bounded) until the workspace's
     * stored scores stop changing, so both backends read the same scores.
     */
    void scoresSettled() {
        String previous = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            String current = jdbc.sql("select count(*) || ':' || coalesce(max(scored_at)::text, '') from contact_score where workspace_id = ?")
                    .param(t.workspaceId()).query(String.class).single();
            if (current.equals(previous) && !current.startsWith("0:")) {
                return;
            }
            previous = current;
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("scores still changing after 30 s");
    }

    String created(String path, Map<String, Object> body) {
        var answer = t.api("POST", path, json.writeValueAsString(body));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.text("/id");
    }

    Map<String, Object> company(int i) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", gen.pick(List.of("Acme", "acme", "Globex", "Initech Software", "Umbrella")));
        c.put("domain", "c" + i + ".example.com");
        maybe(c, "industry", gen.pick(List.of("Software", "software", "Retail", "")));
        maybe(c, "employees", gen.pick(List.of(0, 5, 12, 120, 5000)));
        maybe(c, "annualRevenue", gen.pick(List.of(new BigDecimal("2500000.50"), new BigDecimal("99.99"), 100)));
        Map<String, Object> attributes = new LinkedHashMap<>();
        maybe(attributes, "tier", gen.pick(List.of("gold", "Gold", "silver")));
        maybe(attributes, "score", gen.pick(List.of(7, 12.5, "12", true, List.of("gold", 5))));
        c.put("attributes", attributes);
        return c;
    }

    Map<String, Object> contact(int i, List<String> companies) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("externalId", "u-" + i);
        maybe(c, "email", "person" + i + "@c" + random.nextInt(5) + ".example.com");
        maybe(c, "firstName", gen.pick(List.of("Lin", "lin", "Ana", "Bo", "Olivia")));
        maybe(c, "title", gen.pick(List.of("VP of Marketing", "vp sales", "Head of Growth", "CTO", "")));
        maybe(c, "lifecycleStage", gen.pick(RandomConditions.STAGES));
        maybe(c, "birthday", gen.pick(List.of(gen.day(-12_000 - random.nextInt(8000)), "1992-02-29", gen.day(-365 * 30),
                gen.day(-1 - 365 * 25))));
        maybe(c, "address", Map.of("country", gen.pick(List.of("DE", "us", "US", "France"))));
        maybe(c, "companyId", gen.pick(companies));
        Map<String, Object> attributes = new LinkedHashMap<>();
        maybe(attributes, "plan", gen.pick(List.of("pro", "Pro", "basic", "enterprise-pro")));
        maybe(attributes, "seats", gen.pick(List.of(0, 5, 12, 12.5, -3, 100, 7)));
        maybe(attributes, "trial", random.nextBoolean());
        maybe(attributes, "renewal", random.nextBoolean() ? gen.day(random.nextInt(800) - 400)
                : now.minus(Duration.ofMinutes(random.nextInt(800 * 24 * 60) - 400 * 24 * 60)).toString());
        maybe(attributes, "tags", random.ints(random.nextInt(3), 0, 3).mapToObj(List.of("vip", "Beta", "churn-risk")::get).toList());
        // The first value fixes an attribute's type: code is text, holding numbers and dates as text too.
        if (i == 0) {
            attributes.put("code", "abc");
        } else {
            maybe(attributes, "code", gen.pick(List.of("42", "2024-01-05", "2024-01-05 note", "abc", gen.day(-3))));
        }
        c.put("attributes", attributes);
        return c;
    }

    void track(int i) {
        List<Object> batch = new ArrayList<>();
        for (int e = 0, n = random.nextInt(8); e < n; e++) {
            boolean page = random.nextInt(4) == 0;
            // Whole days ago land events exactly on window edges.
            Duration ago = random.nextBoolean() ? Duration.ofDays(random.nextInt(400)) : Duration.ofMinutes(random.nextInt(400 * 24 * 60));
            Map<String, Object> call = new LinkedHashMap<>();
            call.put("type", page ? "page" : "track");
            call.put(page ? "name" : "event", page ? gen.pick(List.of("Pricing", "Home")) : gen.pick(RandomConditions.EVENTS.subList(0, 3)));
            call.put("userId", "u-" + i);
            call.put("messageId", UUID.randomUUID().toString());
            call.put("timestamp", now.minus(ago).toString());
            call.put("properties", properties());
            batch.add(call);
        }
        if (!batch.isEmpty()) {
            var answer = t.track("/v1/batch", json.writeValueAsString(Map.of("batch", batch)));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        }
    }

    Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        maybe(p, "plan", gen.pick(List.of("pro", "PRO", "basic", 5, true, List.of("pro", "vip"), "2024-01-05")));
        maybe(p, "amount", gen.pick(List.of(0, 5, 12.5, 120, "12", -3)));
        maybe(p, "tags", random.ints(random.nextInt(3), 0, 3).mapToObj(List.of("vip", "beta", "gold")::get).toList());
        maybe(p, "product", Map.of("sku", gen.pick(List.of("A-1", "a-2", "B-1"))));
        return p;
    }

    void maybe(Map<String, Object> map, String key, Object value) {
        if (random.nextInt(10) < 7) {
            map.put(key, value);
        }
    }
}
