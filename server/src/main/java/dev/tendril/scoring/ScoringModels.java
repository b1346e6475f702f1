package dev.tendril.scoring;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The workspace's scoring model in its JSON form (docs/scoring.md), as {@code /api/v1/scoring/model}
 * reads and replaces it, for other modules (the web UI).
 */
public interface ScoringModels {

    /** The current model with its {@code version} and the {@code rescore} progress of its last change. */
    ObjectNode current(long workspaceId);

    /**
     * Validates the whole input and saves it as the next version, queuing the workspace's rescore; a
     * mistake is an {@code InvalidInputException} naming each field, and nothing is stored.
     */
    ObjectNode save(long workspaceId, JsonNode model);
}
