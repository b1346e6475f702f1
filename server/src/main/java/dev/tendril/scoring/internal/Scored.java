package dev.tendril.scoring.internal;

import java.util.List;
import java.util.Map;

/**
 * A contact's score under a model: the total, fit and engagement scores, the grade (on fit) and
 * temperature (on the total), each category's contribution, every rule that fired with its points
 * (before the category's weight and cap) and the recommended next actions. Points are rounded to
 * hundredths; the totals are sums of the rounded contributions.
 */
record Scored(double score, double fitScore, double engagementScore, String grade, String temperature,
        Map<Category, Double> breakdown, List<FiredRule> rules, List<Recommendation> recommendations) {

    /**
     * A rule that fired: {@code rule} is its position in the model ({@link ScoringModel#position}), or
     * {@link #DECAY} or {@link #PREDICTIVE} for the points no rule of the model gives, which is how a stored
     * score names it.
     */
    record FiredRule(String category, String name, double points, int rule) {
        static final int DECAY = -1;
        static final int PREDICTIVE = -2;
    }

    record Recommendation(String action, String reason) {}

    /** What a contact never scored counts as, so its first score is a change like any other. */
    static Scored unscored(ScoringModel model) {
        return new Scored(0, 0, 0, model.grades().grade(0), model.temperature().of(0), Map.of(), List.of(), List.of());
    }
}
