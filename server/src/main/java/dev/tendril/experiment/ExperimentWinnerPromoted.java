package dev.tendril.experiment;

import java.time.Instant;

/**
 * An experiment completed with a winner that every later assignment (outside the holdout) gets.
 * {@code automatic}: promoted by the fixed-horizon test, with {@code pValue} its Bonferroni-adjusted
 * p-value; otherwise chosen by a person and {@code pValue} is null.
 */
public record ExperimentWinnerPromoted(long workspaceId, String experimentId, String variant, boolean automatic, Double pValue,
        Instant at) {}
