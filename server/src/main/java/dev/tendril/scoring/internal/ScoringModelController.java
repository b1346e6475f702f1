package dev.tendril.scoring.internal;

import dev.tendril.workspace.CurrentWorkspace;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code /api/v1/scoring/model}: the workspace's scoring model (docs/scoring.md) and its rescore progress. */
@RestController
@RequestMapping("/api/v1/scoring/model")
@Tag(name = "Scoring")
class ScoringModelController {
    private final ModelStore models;
    private final SaveModel save;
    private final RescoreJobs jobs;
    private final RescoreWorker worker;
    private final JsonMapper json;

    ScoringModelController(ModelStore models, SaveModel save, RescoreJobs jobs, RescoreWorker worker, JsonMapper json) {
        this.models = models;
        this.save = save;
        this.jobs = jobs;
        this.worker = worker;
        this.json = json;
    }

    @Operation(summary = "The current scoring model", description = "With the progress of the rescore its last change started.")
    @GetMapping
    ObjectNode get() {
        long ws = CurrentWorkspace.id();
        return withProgress(ws, ModelJson.write(models.current(ws)));
    }

    @Operation(summary = "Replace the scoring model",
            description = "Validated whole (400 naming each wrong field, nothing stored); saved as the next version; "
                    + "the workspace is rescored in the background. Categories or sections left out keep the defaults.")
    @PutMapping
    ObjectNode put(@RequestBody JsonNode body) {
        long ws = CurrentWorkspace.id();
        ScoringModel model = save.save(ws, body);
        worker.wake();
        return withProgress(ws, ModelJson.write(model));
    }

    private ObjectNode withProgress(long ws, ObjectNode model) {
        model.set("rescore", json.valueToTree(jobs.latest(ws).orElse(new RescoreJobs.Progress("none", 0, 0))));
        return model;
    }
}
