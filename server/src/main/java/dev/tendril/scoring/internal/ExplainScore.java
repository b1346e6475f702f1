package dev.tendril.scoring.internal;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** A contact's score with its explanation: the stored one, or for a contact never scored, one computed now. */
@Component
class ExplainScore {
    private final ScoreStore scores;
    private final ModelStore models;
    private final RescoreContacts rescore;

    ExplainScore(ScoreStore scores, ModelStore models, RescoreContacts rescore) {
        this.scores = scores;
        this.models = models;
        this.rescore = rescore;
    }

    Optional<ScoreView> of(long workspaceId, long contactId) {
        return scores.view(workspaceId, contactId, version -> models.version(workspaceId, version))
                .or(() -> rescore.preview(workspaceId, contactId));
    }
}
