package dev.tendril.scoring.internal;

import java.util.List;

/**
 * A category's rules, its weight (multiplies the category's points) and its cap (the most it
 * contributes, after the weight; null for none). Negative contributions are not capped.
 */
record CategoryModel(double weight, Double cap, List<ScoringRule> rules) {
    CategoryModel {
        rules = List.copyOf(rules);
    }

    /** The category's contribution from the sum of its rules' points. */
    double contribution(double points) {
        double weighted = weight * points;
        return cap == null ? weighted : Math.min(cap, weighted);
    }
}
