package dev.tendril.condition;

import dev.tendril.contact.Subscriptions;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a condition can read about one contact, as plain values. {@code fields} is keyed by the
 * condition's field names ({@code title}, {@code birthday} as a {@code LocalDate}, {@code createdAt} as
 * an {@code Instant}, {@code company.employees}, ...); attributes hold JSON values (String, Number,
 * Boolean, List, Map); {@code scores} is {@link Scores#UNSCORED} for a contact never scored;
 * {@code lists} and {@code segments} are the ids of the static lists and dynamic segments it is in;
 * {@code subscriptions} maps a channel to its stored status (absent: {@link Subscriptions#NONE}).
 */
public record ContactSnapshot(Map<String, Object> fields, Map<String, Object> attributes,
        Map<String, Object> companyAttributes, List<SnapshotEvent> events, Scores scores, Set<Long> lists,
        Set<Long> segments, Map<String, String> subscriptions) {
    public ContactSnapshot {
        lists = Set.copyOf(lists);
        segments = Set.copyOf(segments);
        subscriptions = Map.copyOf(subscriptions);
    }

    public record SnapshotEvent(String type, String name, Instant occurredAt, Map<String, Object> properties) {}

    /**
     * A contact's scores as conditions read them, exactly as stored (hundredths). A contact without stored scores
     * counts as {@link #UNSCORED}, in both backends.
     */
    public record Scores(BigDecimal score, BigDecimal fitScore, BigDecimal engagementScore, String grade, String temperature) {
        public static final Scores UNSCORED = new Scores(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, "F", "cold");
    }
}
