package dev.tendril.scoring;

import java.util.List;
import java.util.Optional;

/** Reads of contacts' scores for other modules (the web UI); the REST API reads the same data. */
public interface ContactScores {

    /** The stored score, or one computed now for a contact never scored; empty for an unknown contact. */
    Optional<ContactScore> score(long workspaceId, long contactId);

    /** The latest {@code limit} changes of the score, oldest first (for a chart). */
    List<ContactScore.Change> history(long workspaceId, long contactId, int limit);
}
