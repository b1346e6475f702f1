package dev.tendril.experiment.internal;

import dev.tendril.experiment.ExperimentWinnerPromoted;
import dev.tendril.platform.Ids;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Runs the fixed-horizon test on a running experiment and, when one variant significantly beats all
 * others, completes the experiment with it and publishes {@link ExperimentWinnerPromoted}. The
 * status guard in the update makes concurrent checks promote (and publish) at most once.
 */
@Component
class PromoteWinner {
    private final ExperimentStore experiments;
    private final OutcomeStore outcomes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PromoteWinner(ExperimentStore experiments, OutcomeStore outcomes, ApplicationEventPublisher events, Clock clock) {
        this.experiments = experiments;
        this.outcomes = outcomes;
        this.events = events;
        this.clock = clock;
    }

    /** Arm counts in variant order: the input of both the test and the bandit. */
    static List<ArmCounts> arms(List<VariantRow> variants, Map<Long, ArmCounts> counts) {
        return variants.stream().map(v -> counts.getOrDefault(v.id(), new ArmCounts(0, 0))).toList();
    }

    /** Called in the transaction that recorded a send or outcome, and by the periodic sweep. */
    void check(ExperimentRow row) {
        if (row.status() != ExperimentStatus.RUNNING || row.mode() != ExperimentDefinition.Mode.FIXED) {
            return;
        }
        List<VariantRow> variants = experiments.variants(row);
        var decision = FixedHorizonDecision.decide(arms(variants, outcomes.counts(row)), row.minSamplePerVariant(),
                row.alpha());
        if (decision.winner() < 0) {
            return;
        }
        VariantRow winner = variants.get(decision.winner());
        double adjustedP = Math.min(1, decision.largestPValue() * (variants.size() - 1));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (experiments.promote(row, winner.id(), adjustedP, now)) {
            events.publishEvent(new ExperimentWinnerPromoted(row.workspaceId(), Ids.EXPERIMENT.format(row.id()), winner.key(), true,
                    adjustedP, now));
        }
    }
}
