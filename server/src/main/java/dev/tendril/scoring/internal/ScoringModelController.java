package dev.tendril.scoring.internal;

import dev.tendril.scoring.ScoringModels;
import dev.tendril.workspace.CurrentWorkspace;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /api/v1/scoring/model}: the workspace's scoring model (docs/scoring.md) and its rescore progress. */
@RestController
@RequestMapping("/api/v1/scoring/model")
@Tag(name = "Scoring")
class ScoringModelController {
    private final ScoringModels models;

    ScoringModelController(ScoringModels models) {
        this.models = models;
    }

    @Operation(summary = "The current scoring model", description = "With the progress of the rescore its last change started.")
    @GetMapping
    ObjectNode get() {
        return models.current(CurrentWorkspace.id());
    }

    @Operation(summary = "Replace the scoring model",
            description = "Validated whole (400 naming each wrong field, nothing stored); saved as the next version; "
                    + "the workspace is rescored in the background. Categories or sections left out keep the defaults.")
    @PutMapping
    ObjectNode put(@RequestBody JsonNode body) {
        return models.save(CurrentWorkspace.id(), body);
    }
}
