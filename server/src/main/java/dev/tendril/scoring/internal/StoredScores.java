package dev.tendril.scoring.internal;

import dev.tendril.scoring.ContactScore;
import dev.tendril.scoring.ContactScores;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Contacts' stored scores and their history, for other modules (the web UI); the REST API reads the same stores. */
@Service
class StoredScores implements ContactScores {
    private final ScoreStore scores;
    private final ExplainScore explain;

    StoredScores(ScoreStore scores, ExplainScore explain) {
        this.scores = scores;
        this.explain = explain;
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
}
