package dev.tendril.segment;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the in-memory backend reads a contact's stored score. The scoring module implements it:
 * scoring depends on segmentation (its rules are conditions), so segmentation cannot call scoring.
 * With no implementation every contact is {@link ContactScore#UNSCORED}.
 */
public interface ContactScores {
    Optional<ContactScore> find(long workspaceId, long contactId);

    /** The stored scores of those of these contacts that have one; implementations read them in one query. */
    default Map<Long, ContactScore> findAll(long workspaceId, Collection<Long> contactIds) {
        Map<Long, ContactScore> out = new HashMap<>();
        contactIds.forEach(id -> find(workspaceId, id).ifPresent(s -> out.put(id, s)));
        return out;
    }
}
