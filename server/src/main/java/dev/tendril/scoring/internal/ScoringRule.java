package dev.tendril.scoring.internal;

import dev.tendril.condition.Condition;
import tools.jackson.databind.JsonNode;

/** One rule of a category: points when a condition holds, or points per unit of a behaviour counter. */
sealed interface ScoringRule {
    String name();

    /** {@code source} is the condition as written, kept to show the model back unchanged. */
    record When(String name, Condition condition, JsonNode source, double points) implements ScoringRule {}

    record PerUnit(String name, Metric metric, double pointsPerUnit) implements ScoringRule {}
}
