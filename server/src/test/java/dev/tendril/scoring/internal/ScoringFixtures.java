package dev.tendril.scoring.internal;

import dev.tendril.condition.ContactSnapshot.Scores;
import dev.tendril.condition.ContactSnapshot;
import dev.tendril.condition.internal.ConditionJson;
import dev.tendril.condition.internal.EvaluateCondition;
import dev.tendril.event.BehaviorView;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/** Models, contacts and behaviour for the pure scoring tests. */
final class ScoringFixtures {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    static final ScoringModel DEFAULTS = read();

    private ScoringFixtures() {}

    private static ScoringModel read() {
        try (InputStream in = ScoringFixtures.class.getResourceAsStream("/scoring/default-model.json")) {
            return ModelJson.read(JSON.readTree(in), null, ConditionJson::parse).withVersion(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ScoringModel model(String json) {
        return ModelJson.read(JSON.readTree(json), DEFAULTS, ConditionJson::parse).withVersion(2);
    }

    static ContactSnapshot contact(Map<String, Object> fields, Map<String, Object> attributes) {
        return new ContactSnapshot(fields, attributes, Map.of(), List.of(), Scores.UNSCORED, Set.of(), Set.of(), Map.of());
    }

    /** Behaviour last seen {@code daysAgo} days before {@link #NOW}. */
    static BehaviorView behavior(double daysAgo, int pageViews, double minutes, int returnVisits, int pricing, int demos,
            int trials, int downloads, int videos, int webinars) {
        Instant last = NOW.minus(Duration.ofSeconds((long) (daysAgo * 86_400)));
        return new BehaviorView("ct_1", last, last, returnVisits + 1, returnVisits, minutes, pageViews, pricing, demos, trials,
                downloads, videos, webinars);
    }

    static ScoreInputs inputs(ContactSnapshot contact, BehaviorView behavior) {
        return inputs(contact, behavior, 0);
    }

    static ScoreInputs inputs(ContactSnapshot contact, BehaviorView behavior, double predictive) {
        return ScoreInputs.of(contact, behavior, predictive, NOW, c -> EvaluateCondition.evaluate(c, contact, NOW));
    }
}
