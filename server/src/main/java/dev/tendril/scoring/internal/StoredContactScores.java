package dev.tendril.scoring.internal;

import dev.tendril.segment.ContactScore;
import dev.tendril.segment.ContactScores;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Gives segmentation's in-memory backend the stored scores, exactly as its SQL backend reads them. */
@Component
class StoredContactScores implements ContactScores {
    private final ScoreStore scores;

    StoredContactScores(ScoreStore scores) {
        this.scores = scores;
    }

    @Override
    public Optional<ContactScore> find(long workspaceId, long contactId) {
        return scores.forConditions(workspaceId, contactId);
    }

    @Override
    public Map<Long, ContactScore> findAll(long workspaceId, Collection<Long> contactIds) {
        return contactIds.isEmpty() ? Map.of() : scores.forConditions(workspaceId, contactIds.stream().mapToLong(Long::longValue).toArray());
    }
}
