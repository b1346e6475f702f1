package dev.tendril.contact;

import java.util.Set;

/**
 * Contacts created or changed through the contact API (REST, CSV import) or moved between lifecycle
 * stages; published inside the writing transaction, once for all the contacts one call changed.
 * Ingestion's changes are announced by the event module instead.
 */
public record ContactsEdited(long workspaceId, Set<Long> contactIds) {}
