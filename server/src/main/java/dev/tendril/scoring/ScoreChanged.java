package dev.tendril.scoring;

/**
 * A contact's scores changed (the total, fit or engagement score), or were computed for the first time
 * ({@code first}, even when they equal an unscored contact's); {@code reason} is what caused it ("event batch",
 * "model v3"). A grade or temperature that moved with them is published as {@link GradeChanged} or
 * {@link TemperatureChanged} too. Published in the rescoring transaction.
 */
public record ScoreChanged(long workspaceId, long contactId, double previousScore, double score, boolean first, String reason,
        int modelVersion) {}
