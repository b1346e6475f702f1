package dev.tendril.condition.internal;

import dev.tendril.platform.InvalidInputException;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Bounds a condition's size before it is read, so no condition can exhaust the SQL compiler (PostgreSQL takes at most
 * 65,535 bind values in a statement) or run for minutes: at most {@code maxTests} tests (leaves, and the property
 * filters of event tests) and {@code maxValues} values in all its lists together ({@code in}, {@code not_in}).
 */
public record ConditionSize(int maxTests, int maxValues) {
    /** Throws an {@code InvalidInputException} naming {@code path} when the JSON condition is larger than allowed. */
    public void check(JsonNode condition, String path) {
        int[] counts = new int[2];
        count(condition, counts);
        if (counts[0] > maxTests) {
            throw new InvalidInputException(path, "has " + counts[0] + " tests; a condition may have at most " + maxTests
                    + " (tendril.conditions.max-tests)");
        }
        if (counts[1] > maxValues) {
            throw new InvalidInputException(path, "lists " + counts[1] + " values; a condition may list at most " + maxValues
                    + " (tendril.conditions.max-values)");
        }
    }

    /** Tests into {@code counts[0]}, listed values into {@code counts[1]}. */
    private static void count(JsonNode node, int[] counts) {
        if (node == null || !node.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode value = e.getValue();
            switch (e.getKey()) {
                case "and", "or" -> value.values().forEach(child -> count(child, counts));
                case "not" -> count(value, counts);
                case "where" -> {
                    counts[0] += value.size();
                    value.values().forEach(filter -> values(filter.get("value"), counts));
                }
                case "value" -> values(value, counts);
                case "attribute", "event", "stage", "score", "fitScore", "engagementScore", "grade", "temperature", "inList",
                        "inSegment", "subscription" -> counts[0]++;
                default -> { }
            }
        }
    }

    private static void values(JsonNode value, int[] counts) {
        if (value != null && value.isArray()) {
            counts[1] += value.size();
        }
    }
}
