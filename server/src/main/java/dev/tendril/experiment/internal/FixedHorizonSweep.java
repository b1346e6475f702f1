package dev.tendril.experiment.internal;

import dev.tendril.platform.Worker;
import dev.tendril.platform.Workers;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-runs the winner check of every running fixed-horizon experiment now and then. Each outcome
 * already triggers a check, but two outcomes committed at the same moment may each miss the other's
 * row; this catches the decision that neither made.
 */
@Component
class FixedHorizonSweep {
    private final ExperimentStore experiments;
    private final PromoteWinner promote;
    private final TransactionTemplate tx;

    FixedHorizonSweep(ExperimentStore experiments, PromoteWinner promote, TransactionTemplate tx, Workers workers,
            @Value("${tendril.experiments.check-interval:PT1M}") Duration interval) {
        this.experiments = experiments;
        this.promote = promote;
        this.tx = tx;
        workers.define(Worker.Spec.every("experiment-winners", interval, interval, stop -> run()));
    }

    /** Checks every running fixed-horizon experiment; how many. */
    int run() {
        List<ExperimentRow> running = experiments.runningFixed();
        for (ExperimentRow row : running) {
            tx.executeWithoutResult(s -> promote.check(row));
        }
        return running.size();
    }
}
