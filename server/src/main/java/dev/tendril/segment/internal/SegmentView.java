package dev.tendril.segment.internal;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** A dynamic segment as the API shows it; {@code size} is its current number of members. */
record SegmentView(String id, String name, String description, JsonNode condition, int conditionVersion, boolean builtIn,
        long size, Instant createdAt, Instant updatedAt) {}
