package dev.tendril.event;

import java.util.Set;

/**
 * Contacts whose events, traits or behaviour changed in one committed ingestion transaction (the batches of the
 * requests stored together). {@code dataChanged}, a subset, are those whose own data changed too (created,
 * identified, merged, given traits or a company); the others only had activity, which segments reading nothing
 * but contact data can ignore.
 */
public record ContactsChanged(long workspaceId, Set<Long> contactIds, Set<Long> dataChanged) {}
