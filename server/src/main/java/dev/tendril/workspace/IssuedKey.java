package dev.tendril.workspace;

/** A key just created: the only moment its token exists outside the caller's hands. */
public record IssuedKey(ApiKeyView key, String token) {}
