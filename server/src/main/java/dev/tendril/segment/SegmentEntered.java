package dev.tendril.segment;

/** A contact entered a dynamic segment; published after the membership change commits. */
public record SegmentEntered(long workspaceId, long segmentId, long contactId) {}
