package dev.tendril.contact;

/** A contact was deleted; published inside the deleting transaction so its data goes with it. */
public record ContactDeleted(long workspaceId, long contactId) {}
