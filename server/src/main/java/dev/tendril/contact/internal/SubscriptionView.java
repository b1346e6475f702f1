package dev.tendril.contact.internal;

import java.time.Instant;

/** A contact's status on one channel; {@code updatedAt} and {@code source} are null for {@code none}. */
record SubscriptionView(String channel, String status, String source, Instant updatedAt) {}
