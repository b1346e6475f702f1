package dev.tendril.experiment.internal;

import dev.tendril.platform.ConflictException;
import java.util.Map;
import java.util.Set;

/** An experiment's life: drafted, run, completed. Each move not in the table is a conflict. */
enum ExperimentStatus {
    DRAFT, RUNNING, COMPLETED;

    private static final Map<ExperimentStatus, Set<ExperimentStatus>> ALLOWED = Map.of(
            DRAFT, Set.of(RUNNING),
            RUNNING, Set.of(COMPLETED),
            COMPLETED, Set.of());

    boolean canMoveTo(ExperimentStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    void checkMoveTo(ExperimentStatus next) {
        if (!canMoveTo(next)) {
            throw new ConflictException("status", "an experiment that is " + wire() + " cannot become " + next.wire());
        }
    }

    String wire() {
        return name().toLowerCase();
    }

    static ExperimentStatus of(String wire) {
        return valueOf(wire.toUpperCase());
    }
}
