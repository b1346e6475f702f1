package dev.tendril.segment;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** A dynamic segment as {@code /api/v1/segments} shows it; {@code size} is its current number of members. */
public record SegmentSummary(String id, String name, String description, JsonNode condition, int conditionVersion,
        boolean builtIn, long size, Instant createdAt, Instant updatedAt) {}
