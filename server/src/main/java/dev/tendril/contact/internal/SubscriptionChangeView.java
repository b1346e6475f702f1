package dev.tendril.contact.internal;

import java.time.Instant;

/** One entry of the consent record: a status change, when and from where. */
record SubscriptionChangeView(String id, String channel, String from, String to, String source, Instant changedAt) {}
