package dev.tendril.workspace.internal;

import dev.tendril.workspace.KeyKind;
import dev.tendril.workspace.WorkspacePrincipal;

/** A request authenticated by an API key. */
record ApiKeyPrincipal(long workspaceId, KeyKind kind) implements WorkspacePrincipal {}
