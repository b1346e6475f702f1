package dev.tendril.scoring.internal;

import dev.tendril.contact.Contacts;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** Stores a new model version and queues the workspace's rescore, together or not at all; the rescore starts once they commit. */
@Component
class SaveModel {
    private final ModelStore models;
    private final RescoreJobStore jobs;
    private final Contacts contacts;
    private final WorkspaceRescores rescores;

    SaveModel(ModelStore models, RescoreJobStore jobs, Contacts contacts, WorkspaceRescores rescores) {
        this.models = models;
        this.jobs = jobs;
        this.contacts = contacts;
        this.rescores = rescores;
    }

    @Transactional
    ScoringModel save(long workspaceId, JsonNode input) {
        ScoringModel model = models.save(workspaceId, input);
        jobs.queue(workspaceId, model.version(), contacts.count(workspaceId));
        rescores.wakeAfterCommit();
        return model;
    }
}
