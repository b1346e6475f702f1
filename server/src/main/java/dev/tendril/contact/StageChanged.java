package dev.tendril.contact;

/** A contact's lifecycle stage changed, by an automatic rule of the scoring model or by hand. */
public record StageChanged(long workspaceId, long contactId, String previousStage, String stage, boolean automatic,
        String reason) {}
