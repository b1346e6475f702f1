package dev.tendril.scoring.internal;

import java.time.Instant;

/** One change of a contact's score, and what caused it ("event batch", "model v3"). */
public record ScoreHistoryEntry(String id, double score, double fitScore, double engagementScore, String grade,
        String temperature, String reason, int modelVersion, Instant changedAt) {}
