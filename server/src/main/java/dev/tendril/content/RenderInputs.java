package dev.tendril.content;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the sender of a message passes to its render, besides the contacts' own data: the journey's data
 * ({@code journey.*}, the same for all), each contact's trigger data ({@code trigger.*}) and what only the modules
 * above this one keep: each contact's message engagement ({@code engagement.*}, from delivery tracking) and
 * recommended content ({@code recommendations}, from predictive analytics). Absent entries render empty.
 */
public record RenderInputs(Map<String, Object> journey, Map<Long, Map<String, Object>> triggers, Map<Long, Engagement> engagement,
        Map<Long, List<Map<String, Object>>> recommendations) {
    public static final RenderInputs NONE = new RenderInputs(Map.of(), Map.of(), Map.of(), Map.of());

    public RenderInputs {
        journey = journey == null ? Map.of() : journey;
        triggers = triggers == null ? Map.of() : triggers;
        engagement = engagement == null ? Map.of() : engagement;
        recommendations = recommendations == null ? Map.of() : recommendations;
    }

    /** A journey's data and each contact's trigger data, nothing else. */
    public static RenderInputs of(Map<String, Object> journey, Map<Long, Map<String, Object>> triggers) {
        return new RenderInputs(journey, triggers, Map.of(), Map.of());
    }

    /** A contact's message engagement; any part may be null. */
    public record Engagement(Instant lastOpenAt, Instant lastClickAt, Integer messagesReceived) {}
}
