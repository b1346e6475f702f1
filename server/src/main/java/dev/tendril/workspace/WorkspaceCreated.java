package dev.tendril.workspace;

/** A new workspace exists; modules seed their per-workspace defaults in the same transaction. */
public record WorkspaceCreated(long workspaceId, String slug) {}
