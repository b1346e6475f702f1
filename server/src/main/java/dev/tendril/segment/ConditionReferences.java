package dev.tendril.segment;

import tools.jackson.databind.JsonNode;

/**
 * Checks the lists and segments a condition names: each must exist in the workspace, and a segment
 * may not contain itself, directly or through the segments it names (its membership would have no
 * fixed point). Errors are an {@code InvalidInputException} naming the JSON path, e.g.
 * {@code condition.and[1].inSegment}. For every module that stores conditions (segments, dynamic content blocks).
 */
public interface ConditionReferences {
    /** Checks a condition that no segment holds (a content block's, a preview's). */
    default void check(long workspaceId, JsonNode condition) {
        check(workspaceId, condition, null);
    }

    /** {@code self} is the segment the condition belongs to, or null for a new segment or a preview. */
    void check(long workspaceId, JsonNode condition, Long self);
}
