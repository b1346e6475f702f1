package dev.tendril.scoring.internal;

import dev.tendril.scoring.ScoringModels;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The workspace's scoring model for other modules (the web UI): the current version, and saving the next one. */
@Service
class ModelVersions implements ScoringModels {
    private final ModelStore models;
    private final SaveModel saveModel;
    private final RescoreJobStore jobs;
    private final JsonMapper json;

    ModelVersions(ModelStore models, SaveModel saveModel, RescoreJobStore jobs, JsonMapper json) {
        this.models = models;
        this.saveModel = saveModel;
        this.jobs = jobs;
        this.json = json;
    }

    @Override
    public ObjectNode current(long workspaceId) {
        return withProgress(workspaceId, ModelJson.write(models.current(workspaceId)));
    }

    @Override
    public ObjectNode save(long workspaceId, JsonNode model) {
        ScoringModel saved = saveModel.save(workspaceId, model);
        return withProgress(workspaceId, ModelJson.write(saved));
    }

    private ObjectNode withProgress(long workspaceId, ObjectNode model) {
        model.set("rescore", json.valueToTree(jobs.latest(workspaceId).orElse(new RescoreJobStore.Progress("none", 0, 0))));
        return model;
    }
}
