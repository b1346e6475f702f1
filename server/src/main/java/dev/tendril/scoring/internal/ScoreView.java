package dev.tendril.scoring.internal;

import dev.tendril.platform.Ids;
import dev.tendril.scoring.ContactScore.FiredRule;
import dev.tendril.scoring.ContactScore.Recommendation;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A contact's score as the API shows it; {@code breakdown} is keyed by category name, in the model's order. */
public record ScoreView(String contactId, double score, String grade, String temperature, double fitScore,
        double engagementScore, Map<String, Double> breakdown, List<FiredRule> rules,
        List<Recommendation> recommendations, int modelVersion, Instant scoredAt) {

    static ScoreView of(long contactId, Scored s, int modelVersion, Instant scoredAt) {
        Map<String, Double> breakdown = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            breakdown.put(c.jsonName(), s.breakdown().getOrDefault(c, 0.0));
        }
        return new ScoreView(Ids.CONTACT.format(contactId), s.score(), s.grade(), s.temperature(), s.fitScore(), s.engagementScore(),
                breakdown, s.rules().stream().map(r -> new FiredRule(r.category(), r.name(), r.points())).toList(),
                s.recommendations().stream().map(r -> new Recommendation(r.action(), r.reason())).toList(), modelVersion, scoredAt);
    }
}
