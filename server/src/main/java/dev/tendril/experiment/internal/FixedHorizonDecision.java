package dev.tendril.experiment.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The fixed-horizon rule: nothing is decided until every arm has its minimum sample; then the arm
 * with the best rate wins if it beats every other arm by a two-sided z-test at level
 * {@code alpha / (arms - 1)} (Bonferroni: the best arm is compared with each of the others, and
 * the chance of any false win must stay within alpha).
 */
final class FixedHorizonDecision {
    /** The best arm against one other: its index and the unadjusted p-value. */
    record Comparison(int against, double pValue) {}

    /** {@code winner} is an arm index, or -1 when none (yet). */
    record Decision(boolean horizonReached, int best, int winner, double adjustedAlpha, List<Comparison> comparisons) {
        double largestPValue() {
            return comparisons.stream().mapToDouble(Comparison::pValue).max().orElse(1);
        }
    }

    private FixedHorizonDecision() {}

    static Decision decide(List<ArmCounts> arms, long minSamplePerArm, double alpha) {
        if (arms.size() < 2) {
            throw new IllegalArgumentException("an experiment compares at least two arms");
        }
        double adjusted = alpha / (arms.size() - 1);
        int best = 0;
        for (int i = 1; i < arms.size(); i++) {
            if (arms.get(i).rate() > arms.get(best).rate()) {
                best = i;
            }
        }
        boolean reached = arms.stream().allMatch(a -> a.sends() >= minSamplePerArm);
        if (!reached) {
            return new Decision(false, best, -1, adjusted, List.of());
        }
        List<Comparison> comparisons = new ArrayList<>();
        boolean beatsAll = true;
        for (int i = 0; i < arms.size(); i++) {
            if (i == best) {
                continue;
            }
            TwoProportionZTest.Result r = TwoProportionZTest.test(arms.get(best), arms.get(i));
            comparisons.add(new Comparison(i, r.pValue()));
            beatsAll &= r.z() > 0 && r.pValue() < adjusted;
        }
        return new Decision(true, best, beatsAll ? best : -1, adjusted, List.copyOf(comparisons));
    }
}
