package dev.tendril.segment;

import java.util.Optional;

/**
 * Where the in-memory backend reads a contact's stored score. The scoring module implements it:
 * scoring depends on segmentation (its rules are conditions), so segmentation cannot call scoring.
 * With no implementation every contact is {@link ContactScore#UNSCORED}.
 */
public interface ContactScores {
    Optional<ContactScore> find(long workspaceId, long contactId);
}
