package dev.tendril.experiment.internal;

import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * The pooled two-proportion z-test, two-sided: is arm a's rate different from arm b's? (Its p-value
 * equals that of the chi-square test of the 2×2 table without continuity correction.)
 */
final class TwoProportionZTest {
    record Result(double z, double pValue) {}

    private static final NormalDistribution NORMAL = new NormalDistribution();

    private TwoProportionZTest() {}

    static Result test(ArmCounts a, ArmCounts b) {
        if (a.sends() == 0 || b.sends() == 0) {
            return new Result(0, 1);
        }
        double pooled = (double) (a.successes() + b.successes()) / (a.sends() + b.sends());
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / a.sends() + 1.0 / b.sends()));
        if (se == 0) {
            return new Result(0, 1); // both arms all successes or all failures: no evidence of a difference
        }
        double z = (a.rate() - b.rate()) / se;
        return new Result(z, 2 * NORMAL.cumulativeProbability(-Math.abs(z)));
    }
}
