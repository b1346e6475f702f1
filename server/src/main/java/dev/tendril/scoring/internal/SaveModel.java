package dev.tendril.scoring.internal;

import dev.tendril.contact.Contacts;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Stores a new model version and queues the workspace's rescore, together or not at all. */
@Component
class SaveModel {
    private final ModelStore models;
    private final RescoreJobs jobs;
    private final Contacts contacts;

    SaveModel(ModelStore models, RescoreJobs jobs, Contacts contacts) {
        this.models = models;
        this.jobs = jobs;
        this.contacts = contacts;
    }

    @Transactional
    ScoringModel save(long workspaceId, tools.jackson.databind.JsonNode input) {
        ScoringModel model = models.save(workspaceId, input);
        jobs.queue(workspaceId, model.version(), contacts.count(workspaceId));
        return model;
    }
}
