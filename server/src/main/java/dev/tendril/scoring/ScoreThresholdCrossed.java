package dev.tendril.scoring;

/**
 * A contact's score passed a threshold of the model: a temperature threshold on the total
 * ({@code measure} "score") or a grade boundary on the fit score ({@code measure} "fitScore").
 * Up means it now is at or above the threshold; down that it fell below.
 */
public record ScoreThresholdCrossed(long workspaceId, long contactId, String measure, double threshold, Direction direction) {
    public enum Direction { UP, DOWN }
}
