package dev.tendril.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tendril.testing.IntegrationTest;
import dev.tendril.testing.TestTenant;
import dev.tendril.testing.TestTenants;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContextManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * A property-based fuzz of the tracking API: random call shapes (every field absent, valid or of a wrong type, extra
 * fields, random nesting, strings with control characters, NUL and any Unicode) sent as single calls and batches.
 * No answer may be a 5xx; a 2xx must have stored every call of the request exactly once (each messageId once, and as
 * many events as calls); a refusal must have stored nothing. jqwik draws a new seed each run and prints it with any
 * failure ({@code @Property(seed = "…")} replays it).
 */
class TrackingApiFuzzIntegrationTest {
    /** Carries the annotation of the integration tests, so the context is their shared one, from Spring's test cache. */
    @IntegrationTest
    static class SharedContext {}

    private static final List<String> TYPES = List.of("identify", "track", "page", "screen", "group", "alias");
    /** A messageId or a numeric id unique to this run: stored-once is checked per messageId. */
    private static final AtomicLong UNIQUE = new AtomicLong(System.nanoTime());
    private static final Object ABSENT = new Object();

    private static TestTenants tenants;
    private static JdbcClient jdbc;
    private static JsonMapper json;
    private TestTenant t;

    /** One request: the endpoint and its calls (a single call, or a batch and the batch's own fields). */
    record Request(String type, List<Map<String, Object>> calls, Map<String, Object> batchFields) {}

    @BeforeContainer
    static void sharedContext() throws Exception {
        ApplicationContext context = new TestContextManager(SharedContext.class).getTestContext().getApplicationContext();
        tenants = context.getBean(TestTenants.class);
        jdbc = context.getBean(JdbcClient.class);
        json = context.getBean(JsonMapper.class);
    }

    @BeforeProperty
    void tenant() {
        t = tenants.create();
    }

    @Property(tries = 400)
    void noCallShapeGetsA5xxAndEveryAcceptedCallIsStoredOnce(@ForAll("requests") Request request) {
        List<Map<String, Object>> calls = withUniqueIds(request.calls());
        Object body;
        if (request.type().equals("batch")) {
            Map<String, Object> batch = new LinkedHashMap<>(request.batchFields());
            batch.put("batch", calls);
            body = batch;
        } else {
            body = calls.getFirst();
        }
        long before = events();
        TestTenant.Answer answer = t.track("/v1/" + request.type(), json.writeValueAsString(body));

        assertThat(answer.status()).as("status of %s", answer.body()).isLessThan(500);
        // the shapes must reach storage often, not only the validation that refuses them
        Statistics.label("answer").collect(answer.status() / 100 == 2 ? "accepted" : "refused");
        Statistics.label("answer").coverage(answers -> answers.check("accepted").percentage(p -> p >= 15));
        if (answer.status() / 100 == 2) {
            assertThat(events() - before).as("events stored by an accepted request of %d calls", calls.size()).isEqualTo(calls.size());
            for (Map<String, Object> call : calls) {
                if (call.get("messageId") instanceof String || call.get("messageId") instanceof Number) {
                    assertThat(jdbc.sql("select count(*) from event where workspace_id = ? and message_id = ?")
                            .params(t.workspaceId(), String.valueOf(call.get("messageId"))).query(Long.class).single())
                            .as("rows of messageId %s", call.get("messageId")).isOne();
                }
            }
        } else {
            assertThat(answer.status()).as("a refusal of %s", answer.body()).isBetween(400, 499);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(events()).as("events stored by a refused request").isEqualTo(before);
        }
    }

    @Provide
    Arbitrary<Request> requests() {
        Arbitrary<Request> single = Combinators.combine(Arbitraries.of(TYPES), call(false))
                .as((type, call) -> new Request(type, List.of(call), Map.of()));
        Arbitrary<Request> batch = Combinators.combine(call(true).list().ofMaxSize(6), batchFields())
                .as((calls, fields) -> new Request("batch", calls, fields));
        return Arbitraries.frequencyOf(Tuple.of(2, single), Tuple.of(3, batch));
    }

    /** A call: each field of the spec absent, valid or of a random other type, plus random extra fields. */
    private Arbitrary<Map<String, Object>> call(boolean typed) {
        List<Arbitrary<Map.Entry<String, Object>>> fields = new ArrayList<>();
        if (typed) {
            fields.add(field("type", Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of(TYPES)), Tuple.of(1, text())).map(Object.class::cast)));
        }
        fields.add(field("userId", id()));
        fields.add(field("anonymousId", id()));
        fields.add(field("messageId", Arbitraries.of("unique", "unique-number").map(Object.class::cast)));
        fields.add(field("event", text().map(Object.class::cast)));
        fields.add(field("name", text().map(Object.class::cast)));
        fields.add(field("groupId", id()));
        fields.add(field("previousId", id()));
        for (String object : List.of("properties", "traits", "context", "integrations")) {
            fields.add(field(object, object(3).map(Object.class::cast)));
        }
        for (String time : List.of("timestamp", "sentAt", "originalTimestamp")) {
            fields.add(field(time, instant()));
        }
        Arbitrary<Map<String, Object>> extra = Arbitraries.maps(text(), value(2)).ofMaxSize(2);
        return Combinators.combine(Combinators.combine(fields).as(entries -> entries), extra).as((entries, more) -> {
            Map<String, Object> call = new LinkedHashMap<>(more);
            for (Map.Entry<String, Object> e : entries) {
                if (e != null) {
                    call.put(e.getKey(), e.getValue());
                }
            }
            return call;
        });
    }

    private Arbitrary<Map<String, Object>> batchFields() {
        Arbitrary<Map.Entry<String, Object>> sentAt = field("sentAt", instant());
        Arbitrary<Map.Entry<String, Object>> context = field("context", object(2).map(Object.class::cast));
        return Combinators.combine(sentAt, context).as((s, c) -> {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : new Map.Entry[] {s, c}) {
                if (e != null) {
                    out.put(e.getKey(), e.getValue());
                }
            }
            return out;
        });
    }

    /** Absent (a null entry) a fifth of the time, a random value of any type (JSON null too) a tenth, else the valid value. */
    private static Arbitrary<Map.Entry<String, Object>> field(String name, Arbitrary<Object> valid) {
        return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(ABSENT)), Tuple.of(1, value(2)), Tuple.of(7, valid))
                .map(v -> v == ABSENT ? null : new AbstractMap.SimpleEntry<>(name, v));
    }

    private static Arbitrary<Object> id() {
        return Arbitraries.frequencyOf(Tuple.of(6, text().filter(s -> !s.isEmpty())), Tuple.of(1, Arbitraries.longs()))
                .map(Object.class::cast);
    }

    /** A time of the last month, or text that may not be one, or a time far outside any sane range. */
    private static Arbitrary<Object> instant() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.longs().between(0, 30L * 86_400).map(s -> now.minusSeconds(s).toString())),
                Tuple.of(1, Arbitraries.of("0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "+999999999-12-31T23:59:59Z", "1999-12-31T23:59:59Z",
                        "2024-02-30T00:00:00Z", "2016-12-31T23:59:60Z", "2024-01-01T00:00:00+25:00", "")),
                Tuple.of(1, text())).map(Object.class::cast);
    }

    /** Any text: control characters, NUL, lone surrogates, any plane of Unicode. */
    private static Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().alpha().numeric().withChars(" -_.@").ofMaxLength(20)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(20)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u0000', '\u001f').withChars("\u007f\u202e\ufeff\ud800\udc00").ofMaxLength(8)));
    }

    private static Arbitrary<Map<String, Object>> object(int depth) {
        return Arbitraries.maps(text(), value(depth - 1)).ofMaxSize(4);
    }

    /** A JSON value of any type, nested up to {@code depth} levels. */
    private static Arbitrary<Object> value(int depth) {
        List<Tuple.Tuple2<Integer, Arbitrary<?>>> choices = new ArrayList<>(List.of(
                Tuple.of(1, Arbitraries.just(null)), Tuple.of(1, Arbitraries.of(true, false)), Tuple.of(2, Arbitraries.longs()),
                Tuple.of(1, Arbitraries.doubles()), Tuple.of(3, text())));
        if (depth > 0) {
            choices.add(Tuple.of(1, value(depth - 1).list().ofMaxSize(3)));
            choices.add(Tuple.of(1, Arbitraries.lazy(() -> object(depth))));
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        Arbitrary<Object> any = (Arbitrary) Arbitraries.frequencyOf(choices.toArray(Tuple.Tuple2[]::new));
        return any;
    }

    /** The calls with their messageId placeholders made unique to this run (a string, or a number). */
    private static List<Map<String, Object>> withUniqueIds(List<Map<String, Object>> calls) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> call : calls) {
            Map<String, Object> copy = new LinkedHashMap<>(call);
            if ("unique".equals(copy.get("messageId"))) {
                copy.put("messageId", "fuzz-" + UUID.randomUUID());
            } else if ("unique-number".equals(copy.get("messageId"))) {
                copy.put("messageId", UNIQUE.incrementAndGet());
            }
            out.add(copy);
        }
        return out;
    }

    private long events() {
        return jdbc.sql("select count(*) from event where workspace_id = ?").param(t.workspaceId()).query(Long.class).single();
    }
}
