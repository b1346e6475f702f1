package dev.tendril.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tendril.testing.IntegrationTest;
import dev.tendril.testing.TestTenant;
import dev.tendril.testing.TestTenants;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A property-based fuzz of the tracking API: random call shapes (every field absent, valid or of a wrong type, extra
 * fields, random nesting, strings with control characters, NUL and any Unicode) sent as single calls and batches.
 * No answer may be a 5xx; a 2xx must have stored every call of the request exactly once (each messageId once, and as
 * many events as calls); a refusal must have stored nothing. Each run draws a new seed and names it with any failure;
 * {@code -Dtendril.seed=…} replays it.
 */
@IntegrationTest
class TrackingApiFuzzIntegrationTest {
    private static final int TRIES = 400;
    private static final List<String> TYPES = List.of("identify", "track", "page", "screen", "group", "alias");
    private static final List<String> ODD_TIMES = List.of("0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "+999999999-12-31T23:59:59Z",
            "1999-12-31T23:59:59Z", "2024-02-30T00:00:00Z", "2016-12-31T23:59:60Z", "2024-01-01T00:00:00+25:00", "");

    @Autowired TestTenants tenants;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    @Test
    void noCallShapeGetsA5xxAndEveryAcceptedCallIsStoredOnce() {
        long seed = Long.getLong("tendril.seed", new Random().nextLong());
        Random random = new Random(seed);
        TestTenant t = tenants.create();
        int accepted = 0;
        for (int i = 0; i < TRIES; i++) {
            String type = random.nextInt(5) < 2 ? TYPES.get(random.nextInt(TYPES.size())) : "batch";
            List<Map<String, Object>> calls = new ArrayList<>();
            int n = type.equals("batch") ? random.nextInt(7) : 1;
            for (int c = 0; c < n; c++) {
                calls.add(call(random, type.equals("batch")));
            }
            Object body = calls.isEmpty() ? Map.of("batch", List.of()) : calls.getFirst();
            if (type.equals("batch")) {
                Map<String, Object> batch = new LinkedHashMap<>();
                field(random, batch, "sentAt", () -> time(random));
                field(random, batch, "context", () -> object(random, 2));
                batch.put("batch", calls);
                body = batch;
            }
            String sent = json.writeValueAsString(body);
            String replay = "seed " + seed + ", request " + i + ": " + sent;
            long before = events(t);
            TestTenant.Answer answer = t.track("/v1/" + type, sent);

            assertThat(answer.status()).as("%s%nanswered %s", replay, answer.body()).isLessThan(500);
            if (answer.status() / 100 == 2) {
                accepted++;
                assertThat(events(t) - before).as("events stored by an accepted request; %s", replay).isEqualTo(calls.size());
                for (Map<String, Object> call : calls) {
                    if (call.get("messageId") instanceof String || call.get("messageId") instanceof Number) {
                        assertThat(jdbc.sql("select count(*) from event where workspace_id = ? and message_id = ?")
                                .params(t.workspaceId(), String.valueOf(call.get("messageId"))).query(Long.class).single())
                                .as("rows of messageId %s; %s", call.get("messageId"), replay).isOne();
                    }
                }
            } else {
                assertThat(answer.status()).as("%s%nanswered %s", replay, answer.body()).isBetween(400, 499);
                assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(replay).startsWith("application/problem+json");
                assertThat(events(t)).as("events stored by a refused request; %s", replay).isEqualTo(before);
            }
        }
        // the shapes must reach storage often, not only the validation that refuses them
        assertThat(accepted).as("requests accepted of %d (seed %d)", TRIES, seed).isGreaterThanOrEqualTo(TRIES * 15 / 100);
        System.out.println("FUZZ tracking seed=" + seed + " tries=" + TRIES + " accepted=" + accepted);
    }

    /** A call: each field of the spec absent, valid or of a random other type, plus random extra fields. */
    private static Map<String, Object> call(Random r, boolean typed) {
        Map<String, Object> call = new LinkedHashMap<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            call.put(text(r), value(r, 2));
        }
        if (typed) {
            field(r, call, "type", () -> r.nextInt(9) < 8 ? TYPES.get(r.nextInt(TYPES.size())) : text(r));
        }
        field(r, call, "userId", () -> id(r));
        field(r, call, "anonymousId", () -> id(r));
        field(r, call, "messageId", () -> r.nextBoolean() ? "fuzz-" + UUID.randomUUID() : r.nextLong(1, Long.MAX_VALUE));
        field(r, call, "event", () -> text(r));
        field(r, call, "name", () -> text(r));
        field(r, call, "groupId", () -> id(r));
        field(r, call, "previousId", () -> id(r));
        for (String object : List.of("properties", "traits", "context", "integrations")) {
            field(r, call, object, () -> object(r, 3));
        }
        for (String time : List.of("timestamp", "sentAt", "originalTimestamp")) {
            field(r, call, time, () -> time(r));
        }
        return call;
    }

    /** Absent a fifth of the time, a random value of any type (JSON null too) a tenth, else the valid value. */
    private static void field(Random r, Map<String, Object> into, String name, java.util.function.Supplier<Object> valid) {
        int roll = r.nextInt(10);
        if (roll < 2) {
            return;
        }
        into.put(name, roll < 3 ? value(r, 2) : valid.get());
    }

    private static Object id(Random r) {
        if (r.nextInt(7) == 0) {
            return r.nextLong();
        }
        String text = text(r);
        return text.isEmpty() ? "x" : text;
    }

    /** A time of the last month, or text that may not be one, or a time far outside any sane range. */
    private static Object time(Random r) {
        int roll = r.nextInt(8);
        if (roll < 6) {
            return Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(r.nextLong(30L * 86_400)).toString();
        }
        return roll == 6 ? ODD_TIMES.get(r.nextInt(ODD_TIMES.size())) : text(r);
    }

    /** Any text: letters and digits, any code unit (control characters, NUL, lone surrogates), or only control characters. */
    private static String text(Random r) {
        int roll = r.nextInt(7);
        int length = r.nextInt(roll == 6 ? 9 : 21);
        StringBuilder s = new StringBuilder(length);
        String plain = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.@";
        String odd = "\u007f\u202e\ufeff\ud800\udc00";
        for (int i = 0; i < length; i++) {
            s.append(switch (roll) {
                case 0, 1, 2, 3 -> plain.charAt(r.nextInt(plain.length()));
                case 4, 5 -> (char) r.nextInt(Character.MAX_VALUE + 1);
                default -> r.nextInt(3) == 0 ? odd.charAt(r.nextInt(odd.length())) : (char) r.nextInt(0x20);
            });
        }
        return s.toString();
    }

    private static Map<String, Object> object(Random r, int depth) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = r.nextInt(5); i > 0; i--) {
            out.put(text(r), value(r, depth - 1));
        }
        return out;
    }

    /** A JSON value of any type, nested up to {@code depth} levels. */
    private static Object value(Random r, int depth) {
        int roll = r.nextInt(depth > 0 ? 10 : 8);
        return switch (roll) {
            case 0 -> null;
            case 1 -> r.nextBoolean();
            case 2, 3 -> r.nextLong();
            case 4 -> r.nextDouble() * Math.pow(10, r.nextInt(-10, 300));
            case 5, 6, 7 -> text(r);
            case 8 -> {
                List<Object> list = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    list.add(value(r, depth - 1));
                }
                yield list;
            }
            default -> object(r, depth);
        };
    }

    private long events(TestTenant t) {
        return jdbc.sql("select count(*) from event where workspace_id = ?").param(t.workspaceId()).query(Long.class).single();
    }
}
