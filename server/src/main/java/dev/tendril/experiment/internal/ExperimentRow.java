package dev.tendril.experiment.internal;

import dev.tendril.experiment.ExperimentMetric;
import java.time.Instant;

/** A stored experiment without its variants. {@code winnerVariantId} is null until one is chosen. */
record ExperimentRow(long id, long workspaceId, String name, ExperimentMetric metric, ExperimentDefinition.Mode mode,
        ExperimentStatus status, double holdoutPercent, int minSamplePerVariant, double alpha, Long winnerVariantId,
        Double winnerPValue, boolean promoted, Instant startedAt, Instant completedAt, Instant createdAt, Instant updatedAt) {

    double holdout() {
        return holdoutPercent / 100;
    }
}
