package dev.tendril.scoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A contact's score as {@code GET /api/v1/contacts/{id}/score} shows it: {@code breakdown} is each
 * category's contribution by category name, in the model's order; {@code rules} every rule that fired
 * with its own points (before the category's weight and cap).
 */
public record ContactScore(double score, String grade, String temperature, double fitScore, double engagementScore,
        Map<String, Double> breakdown, List<FiredRule> rules, List<Recommendation> recommendations, int modelVersion,
        Instant scoredAt) {

    public record FiredRule(String category, String name, double points) {}

    public record Recommendation(String action, String reason) {}

    /** One change of the score, and what caused it ("event batch", "model v3"). */
    public record Change(double score, double fitScore, double engagementScore, String reason, Instant at) {}
}
