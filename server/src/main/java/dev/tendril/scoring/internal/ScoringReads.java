package dev.tendril.scoring.internal;

import dev.tendril.scoring.ContactScore;
import dev.tendril.scoring.ContactScores;
import dev.tendril.scoring.ScoringModels;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The module's public reads (and the model's save), over the same stores as the REST controllers. */
@Service
class ScoringReads implements ContactScores, ScoringModels {
    private final ScoreStore scores;
    private final ExplainScore explain;
    private final ModelStore models;
    private final SaveModel saveModel;
    private final RescoreJobs jobs;
    private final RescoreWorker worker;
    private final JsonMapper json;

    ScoringReads(ScoreStore scores, ExplainScore explain, ModelStore models, SaveModel saveModel, RescoreJobs jobs,
            RescoreWorker worker, JsonMapper json) {
        this.scores = scores;
        this.explain = explain;
        this.models = models;
        this.saveModel = saveModel;
        this.jobs = jobs;
        this.worker = worker;
        this.json = json;
    }

    @Override
    public Optional<ContactScore> score(long workspaceId, long contactId) {
        return explain.of(workspaceId, contactId).map(v -> new ContactScore(
                v.score(), v.grade(), v.temperature(), v.fitScore(), v.engagementScore(), v.breakdown(),
                v.rules(), v.recommendations(), v.modelVersion(), v.scoredAt()));
    }

    @Override
    public List<ContactScore.Change> history(long workspaceId, long contactId, int limit) {
        return scores.history(workspaceId, contactId, null, limit).reversed().stream()
                .map(h -> new ContactScore.Change(h.score(), h.fitScore(), h.engagementScore(), h.reason(), h.changedAt()))
                .toList();
    }

    @Override
    public ObjectNode current(long workspaceId) {
        return withProgress(workspaceId, ModelJson.write(models.current(workspaceId)));
    }

    @Override
    public ObjectNode save(long workspaceId, JsonNode model) {
        ScoringModel saved = saveModel.save(workspaceId, model);
        worker.wake();
        return withProgress(workspaceId, ModelJson.write(saved));
    }

    private ObjectNode withProgress(long workspaceId, ObjectNode model) {
        model.set("rescore", json.valueToTree(jobs.latest(workspaceId).orElse(new RescoreJobs.Progress("none", 0, 0))));
        return model;
    }
}
