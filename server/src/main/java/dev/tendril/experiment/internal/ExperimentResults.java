package dev.tendril.experiment.internal;

import dev.tendril.platform.Ids;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.random.RandomDataGenerator;
import org.springframework.stereotype.Service;

/**
 * Where an experiment stands: per variant the contacts assigned and sent to, the successes of the
 * metric, its rate with a 95% Wilson interval and the posterior probability to be best; the share of
 * new contacts each arm gets now; the fixed-horizon test's state; and the holdout.
 */
@Service
class ExperimentResults {
    static final double CONFIDENCE = 0.95;

    record Interval(double low, double high) {}

    record VariantResult(String key, String name, long assigned, long sends, long conversions, double rate,
            Interval confidenceInterval, double probabilityToBeBest, double allocation) {}

    record HoldoutResult(double percent, long contacts, long conversions, double rate, Interval confidenceInterval) {}

    /** Fixed mode only: {@code pValue} is the Bonferroni-adjusted p-value of the leader against its closest rival. */
    record Horizon(int minSamplePerVariant, boolean reached, double alpha, String leader, Double pValue) {}

    record Results(String experimentId, String status, String mode, String metric, String winner, List<VariantResult> variants,
            HoldoutResult holdout, Horizon horizon) {}

    private final ExperimentDefinitions definitions;
    private final ExperimentStore experiments;
    private final OutcomeStore outcomes;

    ExperimentResults(ExperimentDefinitions definitions, ExperimentStore experiments, OutcomeStore outcomes) {
        this.definitions = definitions;
        this.experiments = experiments;
        this.outcomes = outcomes;
    }

    Results of(long workspaceId, String id) {
        ExperimentRow row = definitions.row(workspaceId, id);
        List<VariantRow> variants = experiments.variants(row);
        List<ArmCounts> arms = PromoteWinner.arms(variants, outcomes.counts(row));
        OutcomeStore.Assigned assigned = outcomes.assigned(row);
        // Seeded by the experiment: the same data shows the same probabilities on every call.
        double[] best = BetaPosteriors.probabilityToBeBest(arms, BetaPosteriors.DRAWS, new RandomDataGenerator(row.id()));
        double[] allocation = allocation(row, variants, best);
        String winner = null;
        List<VariantResult> results = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            VariantRow v = variants.get(i);
            ArmCounts a = arms.get(i);
            if (row.winnerVariantId() != null && v.id() == row.winnerVariantId()) {
                winner = v.key();
            }
            results.add(new VariantResult(v.key(), v.variant().name(), assigned.byVariant().getOrDefault(v.id(), 0L), a.sends(),
                    a.successes(), a.rate(), interval(a.successes(), a.sends()), best[i], allocation[i]));
        }
        long holdoutSuccesses = outcomes.holdoutSuccesses(row);
        var holdout = new HoldoutResult(row.holdoutPercent(), assigned.holdout(), holdoutSuccesses,
                assigned.holdout() == 0 ? 0 : (double) holdoutSuccesses / assigned.holdout(), interval(holdoutSuccesses, assigned.holdout()));
        return new Results(Ids.EXPERIMENT.format(row.id()), row.status().wire(), row.mode().wire(), row.metric().wire(), winner,
                results, holdout, horizon(row, variants, arms));
    }

    /** The share of new contacts each variant gets now (the holdout takes the rest). */
    private static double[] allocation(ExperimentRow row, List<VariantRow> variants, double[] best) {
        double[] share = new double[variants.size()];
        double rest = 1 - row.holdout();
        if (row.status() == ExperimentStatus.COMPLETED) {
            int served = 0;
            for (int i = 0; i < variants.size(); i++) {
                if (row.winnerVariantId() != null && variants.get(i).id() == row.winnerVariantId()) {
                    served = i;
                }
            }
            share[served] = rest;
            return share;
        }
        if (row.mode() == ExperimentDefinition.Mode.BANDIT) {
            for (int i = 0; i < share.length; i++) {
                share[i] = best[i] * rest; // Thompson sampling picks each arm with its probability to be best
            }
            return share;
        }
        double total = variants.stream().mapToDouble(v -> v.variant().weight()).sum();
        for (int i = 0; i < share.length; i++) {
            share[i] = variants.get(i).variant().weight() / total * rest;
        }
        return share;
    }

    private static Horizon horizon(ExperimentRow row, List<VariantRow> variants, List<ArmCounts> arms) {
        if (row.mode() != ExperimentDefinition.Mode.FIXED) {
            return null;
        }
        var d = FixedHorizonDecision.decide(arms, row.minSamplePerVariant(), row.alpha());
        Double p = d.horizonReached() ? Math.min(1, d.largestPValue() * (variants.size() - 1)) : null;
        return new Horizon(row.minSamplePerVariant(), d.horizonReached(), row.alpha(), variants.get(d.best()).key(), p);
    }

    private static Interval interval(long successes, long trials) {
        var w = WilsonInterval.of(successes, trials, CONFIDENCE);
        return new Interval(w.low(), w.high());
    }
}
