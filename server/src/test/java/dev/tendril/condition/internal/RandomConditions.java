package dev.tendril.condition.internal;

import dev.tendril.contact.Subscriptions;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random conditions in their JSON form (as maps), drawn from values that also occur in the random
 * data of {@link BackendsAgreeIntegrationTest}, so that conditions match some contacts and not others.
 */
final class RandomConditions {
    static final List<String> TEXT = List.of("vp", "VP of Marketing", "head", "pro", "Pro", "acme", "Acme", "de", "US", "42",
            "2024-01-05", "vip", "beta", "software", "gold", "a", "o", "ing", "lin", "mql", "e_p", "%", "p\\");
    static final List<Object> NUMBERS = List.of(0, 5, 12, new BigDecimal("12.5"), 100, 120, -3, new BigDecimal("2500000.50"), 7);
    static final List<String> EVENTS = List.of("Demo Requested", "Signed Up", "Webinar Attended", "Pricing", "Never Happened");
    static final List<String> PROPERTIES = List.of("plan", "amount", "tags", "product.sku", "missing");
    static final List<String> STAGES = List.of("subscriber", "lead", "mql", "sql", "customer", "churned");
    static final List<String> CUSTOM = List.of("attributes.plan", "attributes.seats", "attributes.trial", "attributes.renewal",
            "attributes.tags", "attributes.code", "attributes.missing", "company.attributes.tier", "company.attributes.score");
    static final Map<String, List<String>> RESERVED = Map.of(
            "text", List.of("title", "firstName", "email", "address.country", "lifecycleStage", "phone", "company.name",
                    "company.industry", "company.domain"),
            "number", List.of("company.employees", "company.annualRevenue"),
            "boolean", List.of(),
            "date", List.of("birthday", "createdAt", "company.createdAt"));
    /** Around the scores the default model gives the random contacts, and its temperature and grade boundaries. */
    static final List<Object> SCORES = List.of(0, 1, 5, 10, 15, new BigDecimal("20.5"), 30, 50, 80);
    static final Map<String, List<String>> OPS = Map.of(
            "score", List.of("eq", "neq", "in", "not_in", "gt", "gte", "lt", "lte", "between", "exists", "is_empty"),
            "text", List.of("eq", "neq", "contains", "starts_with", "ends_with", "in", "not_in", "exists", "is_empty"),
            "number", List.of("eq", "neq", "in", "not_in", "gt", "gte", "lt", "lte", "between", "exists", "is_empty"),
            "boolean", List.of("eq", "neq", "exists"),
            "date", List.of("eq", "neq", "in", "gt", "gte", "lt", "lte", "between", "before", "after", "within_last", "anniversary"));

    private final Random random;
    private final Instant now;
    /** Ids of lists and segments of the test workspace, for inList / inSegment. */
    List<String> lists = List.of();
    List<String> segments = List.of();

    RandomConditions(Random random, Instant now) {
        this.random = random;
        this.now = now;
    }

    Map<String, Object> condition(int depth) {
        if (depth < 3 && random.nextInt(100) < 40) {
            return switch (random.nextInt(3)) {
                case 0 -> Map.of("and", children(depth));
                case 1 -> Map.of("or", children(depth));
                default -> Map.of("not", condition(depth + 1));
            };
        }
        int leaf = random.nextInt(100);
        if (leaf < 42) {
            return attribute();
        }
        if (leaf < 78) {
            return event();
        }
        if (leaf < 88) {
            return score();
        }
        if (leaf < 94 && !lists.isEmpty() && !segments.isEmpty()) {
            return random.nextBoolean() ? Map.of("inList", pick(lists)) : Map.of("inSegment", pick(segments));
        }
        if (leaf < 98) {
            return Map.of("subscription", Map.of("channel", pick(Subscriptions.CHANNELS),
                    "status", random.ints(1 + random.nextInt(2), 0, Subscriptions.STATUSES.size())
                            .mapToObj(Subscriptions.STATUSES::get).distinct().toList()));
        }
        return Map.of("stage", random.ints(1 + random.nextInt(2), 0, STAGES.size()).mapToObj(STAGES::get).toList());
    }

    private List<Object> children(int depth) {
        List<Object> out = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            out.add(condition(depth + 1));
        }
        return out;
    }

    private Map<String, Object> attribute() {
        String kind = pick(List.of("text", "number", "boolean", "date"));
        List<String> fields = new ArrayList<>(CUSTOM);
        fields.addAll(RESERVED.get(kind));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("attribute", pick(fields));
        out.putAll(comparison(kind));
        return out;
    }

    /** An op with operands of the kind (custom attributes and properties get any kind). */
    Map<String, Object> comparison(String kind) {
        String op = pick(OPS.get(kind));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("op", op);
        switch (op) {
            case "exists", "is_empty", "anniversary" -> { }
            case "within_last" -> out.put("days", random.nextInt(400));
            case "in", "not_in" -> out.put("value", random.ints(1 + random.nextInt(3), 0, 1000).mapToObj(i -> value(kind)).toList());
            case "between" -> out.put("value", List.of(value(kind), value(kind)));
            case "before", "after" -> out.put("value", date());
            default -> out.put("value", value(kind));
        }
        return out;
    }

    private Map<String, Object> score() {
        return switch (random.nextInt(5)) {
            case 0, 1 -> Map.of(pick(List.of("score", "fitScore", "engagementScore")), comparison("score"));
            case 2 -> Map.of("grade", oneOf(List.of("A", "B", "C", "D", "F"), true));
            default -> Map.of("temperature", oneOf(List.of("hot", "warm", "cold"), false));
        };
    }

    /** {@code "x"}, {@code ["x", "y"]}, {@code {"in": [...]}} or, for grades, {@code {"atLeast": "x"}}. */
    private Object oneOf(List<String> values, boolean ordered) {
        List<String> some = random.ints(1 + random.nextInt(2), 0, values.size()).mapToObj(values::get).toList();
        return switch (random.nextInt(ordered ? 4 : 3)) {
            case 0 -> some.getFirst();
            case 1 -> some;
            case 2 -> Map.of("in", some);
            default -> Map.of("atLeast", some.getFirst());
        };
    }

    private Object value(String kind) {
        return switch (kind) {
            case "score" -> pick(SCORES);
            case "text" -> pick(TEXT);
            case "number" -> pick(NUMBERS);
            case "boolean" -> random.nextBoolean();
            default -> date();
        };
    }

    private Object date() {
        if (random.nextInt(3) == 0) {
            return Map.of("daysAgo", random.nextInt(400));
        }
        return day(random.nextInt(800) - 400);
    }

    String day(int daysFromNow) {
        return LocalDate.ofInstant(now.plus(Duration.ofDays(daysFromNow)), ZoneOffset.UTC).toString();
    }

    private Map<String, Object> event() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("event", switch (random.nextInt(4)) {
            case 0 -> Map.of("type", pick(List.of("page", "track")));
            case 1 -> Map.of("type", pick(List.of("page", "track")), "name", pick(EVENTS));
            default -> pick(EVENTS);
        });
        List<Object> where = new ArrayList<>();
        for (int i = 0, n = random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0; i < n; i++) {
            Map<String, Object> filter = new LinkedHashMap<>();
            filter.put("property", pick(PROPERTIES));
            filter.putAll(comparison(pick(List.of("text", "number", "boolean", "date"))));
            where.add(filter);
        }
        if (!where.isEmpty()) {
            out.put("where", where);
        }
        int occurrence = random.nextInt(10);
        if (occurrence < 6) {
            if (random.nextBoolean()) {
                out.put("count", Map.of("op", pick(List.of("at_least", "at_most", "exactly")), "value", random.nextInt(4)));
            }
            out.putAll(window());
        } else {
            out.put(occurrence < 8 ? "firstSeen" : "lastSeen", window());
        }
        return out;
    }

    private Map<String, Object> window() {
        return switch (random.nextInt(5)) {
            case 0 -> Map.of();
            case 1 -> Map.of("within", Map.of("days", pick(List.of(1, 7, 30, 90, 365))));
            case 2 -> {
                int a = random.nextInt(400);
                int b = random.nextInt(400);
                yield Map.of("between", Map.of("from", day(-Math.max(a, b)), "to", day(-Math.min(a, b))));
            }
            case 3 -> Map.of("before", date());
            default -> Map.of("after", date());
        };
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
