package dev.tendril.content.internal;

import org.springframework.scheduling.annotation.Scheduled;
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

    FixedHorizonSweep(ExperimentStore experiments, PromoteWinner promote, TransactionTemplate tx) {
        this.experiments = experiments;
        this.promote = promote;
        this.tx = tx;
    }

    @Scheduled(fixedDelayString = "${tendril.experiments.check-interval:PT1M}", initialDelayString = "${tendril.experiments.check-interval:PT1M}")
    void run() {
        for (ExperimentRow row : experiments.runningFixed()) {
            tx.executeWithoutResult(s -> promote.check(row));
        }
    }
}
