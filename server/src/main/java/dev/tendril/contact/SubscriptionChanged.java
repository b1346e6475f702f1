package dev.tendril.contact;

/**
 * A contact's subscription status on a channel really changed ({@code from} is {@code none} when
 * nothing was stored). Published inside the changing transaction.
 */
public record SubscriptionChanged(long workspaceId, long contactId, String channel, String from, String to, String source) {}
