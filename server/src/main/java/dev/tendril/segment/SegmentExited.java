package dev.tendril.segment;

/** A contact left a dynamic segment; published after the membership change commits. */
public record SegmentExited(long workspaceId, long segmentId, long contactId) {}
