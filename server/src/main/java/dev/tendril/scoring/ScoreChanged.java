package dev.tendril.scoring;

/** A contact's total score changed; {@code reason} is what caused it ("event batch", "model v3"). */
public record ScoreChanged(long workspaceId, long contactId, double previousScore, double score, String reason,
        int modelVersion) {}
