package dev.tendril.workspace;

/** Whoever is calling, bound to exactly one workspace: an API key or a signed-in user. */
public interface WorkspacePrincipal {
    long workspaceId();
}
