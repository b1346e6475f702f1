package dev.tendril.contact;

/**
 * A contact is being deleted: published inside the deleting transaction, before its row goes, so
 * listeners delete or record their own data of it atomically with the deletion.
 */
public record ContactDeleted(long workspaceId, long contactId) {}
