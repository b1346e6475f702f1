package dev.tendril.contact;

/**
 * A contact was created or changed through the contact API (REST, CSV import); published inside the
 * writing transaction. Ingestion's changes are announced by the event module instead.
 */
public record ContactEdited(long workspaceId, long contactId) {}
