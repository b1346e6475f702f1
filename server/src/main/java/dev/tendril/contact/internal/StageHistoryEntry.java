package dev.tendril.contact.internal;

import java.time.Instant;

/** One lifecycle-stage change: automatic (a model rule) or manual (through the API). */
public record StageHistoryEntry(String id, String from, String to, String source, String reason, Instant changedAt) {}
