package dev.tendril.workspace;

import java.time.Instant;

/** A stored key as it can be shown again: never the token, only its first characters. */
public record ApiKeyView(String id, String kind, String name, String prefix, Instant createdAt, Instant revokedAt) {}
