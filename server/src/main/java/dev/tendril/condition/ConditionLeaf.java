package dev.tendril.condition;

import tools.jackson.databind.JsonNode;

/** A test inside a condition's JSON: the leaf's key, its value, and the JSON path naming it ({@code condition.and[1].inList}). */
public record ConditionLeaf(String key, JsonNode value, String path) {}
