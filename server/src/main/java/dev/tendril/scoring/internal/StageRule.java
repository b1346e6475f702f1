package dev.tendril.scoring.internal;

import dev.tendril.condition.Condition;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Move contacts to {@code stage} when every given test holds: total score, fit grade, engagement
 * score, and a condition of the segment language. {@code allowFrom} names the stages (customer,
 * churned) this rule may move a contact out of, which automatic rules otherwise never do.
 */
record StageRule(String stage, Double minScore, String minFitGrade, Double minEngagementScore, Condition condition,
        JsonNode conditionSource, Set<String> allowFrom) {
    StageRule {
        allowFrom = Set.copyOf(allowFrom);
    }
}
