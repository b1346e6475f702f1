package dev.tendril.condition.internal;

import dev.tendril.condition.Condition;
import dev.tendril.condition.ConditionReads;
import dev.tendril.condition.ContactSnapshot.Scores;
import dev.tendril.condition.ContactSnapshot.SnapshotEvent;
import dev.tendril.condition.ContactSnapshot;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The workload of {@link RealtimeBenchmark}, from a fixed seed: 100 active segments drawn by {@link RandomConditions} (the
 * property test's mix of attribute, event-count, score, grade, temperature and stage leaves under AND/OR/NOT, with values
 * that match some contacts and not others) and one changed contact with 200 events over the last 90 days.
 */
final class RealtimeWorkload {
    static final int SEGMENTS = 100;
    static final int EVENTS = 200;
    static final Instant NOW = Instant.parse("2025-06-02T12:00:00Z");
    private static final long SEED = 4;

    /** A segment as {@link ParsedSegments} caches it: the condition and what it reads, both parsed once. */
    record Segment(Condition condition, ConditionReads reads) {}

    /** The kinds of change real time tells apart, each with the segments it has to re-evaluate. */
    enum Change {
        EVENT("tracked event", ConditionReads::events),
        CONTACT_EDIT("contact edit", ConditionReads::contactData),
        SCORE("score change", r -> r.scores() || r.ratings()); // numbers and rating: the widest score change

        final String label;
        final Predicate<ConditionReads> reads;

        Change(String label, Predicate<ConditionReads> reads) {
            this.label = label;
            this.reads = reads;
        }
    }

    private RealtimeWorkload() {}

    static List<Segment> segments() {
        JsonMapper json = JsonMapper.builder().build();
        RandomConditions gen = new RandomConditions(new Random(SEED), NOW);
        List<Segment> out = new ArrayList<>();
        for (int i = 0; i < SEGMENTS; i++) {
            Condition condition = ConditionJson.parse(json.valueToTree(gen.condition(0)));
            out.add(new Segment(condition, ConditionReads.of(condition)));
        }
        return out;
    }

    static ContactSnapshot contact() {
        Random random = new Random(SEED);
        Map<String, Object> fields = Map.of("email", "lin@acme.io", "firstName", "Lin", "title", "VP of Marketing",
                "lifecycleStage", "mql", "address.country", "DE", "birthday", LocalDate.parse("1992-02-29"),
                "createdAt", NOW.minus(Duration.ofDays(200)), "company.name", "Acme", "company.industry", "Software",
                "company.employees", 120);
        Map<String, Object> attributes = Map.of("plan", "pro", "seats", 12, "trial", false, "renewal", "2025-09-15",
                "tags", List.of("vip", "Beta"), "code", "42");
        List<SnapshotEvent> events = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            Instant at = NOW.minus(Duration.ofMinutes(random.nextInt(90 * 24 * 60)));
            // A quarter are page views, as in the property test's data; the rest are the tracked events conditions name.
            events.add(random.nextInt(4) == 0
                    ? new SnapshotEvent("page", List.of("Pricing", "Home").get(random.nextInt(2)), at, Map.of("path", "/pricing"))
                    : new SnapshotEvent("track", RandomConditions.EVENTS.get(random.nextInt(3)), at, properties(random)));
        }
        Scores score = new Scores(new BigDecimal("62.50"), new BigDecimal("40"), new BigDecimal("22.50"), "B", "warm");
        return new ContactSnapshot(fields, attributes, Map.of("tier", "gold"), events, score, Set.of(), Set.of(), Map.of());
    }

    private static Map<String, Object> properties(Random random) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("plan", List.of("pro", "basic", "enterprise").get(random.nextInt(3)));
        p.put("amount", List.of(0, 5, 12.5, 120).get(random.nextInt(4)));
        p.put("tags", List.of("vip", "beta").subList(0, random.nextInt(3)));
        p.put("product", Map.of("sku", List.of("A-1", "a-2", "B-1").get(random.nextInt(3))));
        return p;
    }
}
