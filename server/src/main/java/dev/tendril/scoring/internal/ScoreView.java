package dev.tendril.scoring.internal;

import dev.tendril.scoring.internal.Scored.FiredRule;
import dev.tendril.scoring.internal.Scored.Recommendation;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A contact's score as the API shows it; {@code breakdown} is keyed by category name. */
public record ScoreView(String contactId, double score, String grade, String temperature, double fitScore,
        double engagementScore, Map<String, Double> breakdown, List<FiredRule> rules,
        List<Recommendation> recommendations, int modelVersion, Instant scoredAt) {}
