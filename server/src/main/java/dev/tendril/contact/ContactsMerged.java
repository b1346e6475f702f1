package dev.tendril.contact;

/**
 * Two contacts turned out to be one person: everything of {@code sourceId} now belongs to
 * {@code targetId}, and the source is deleted. Published inside the merging transaction, so
 * listeners that move their own rows do it atomically with the merge.
 */
public record ContactsMerged(long workspaceId, long sourceId, long targetId) {}
