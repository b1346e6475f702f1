package dev.tendril.experiment.internal;

import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * The Wilson score interval of a proportion: unlike the normal approximation it stays inside
 * [0, 1] and keeps its coverage at small samples and rates near 0 or 1, common for click rates.
 */
final class WilsonInterval {
    record Interval(double low, double high) {}

    private static final NormalDistribution NORMAL = new NormalDistribution();

    private WilsonInterval() {}

    static Interval of(long successes, long trials, double confidence) {
        if (trials == 0) {
            return new Interval(0, 1);
        }
        double z = NORMAL.inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double p = (double) successes / trials;
        double z2 = z * z;
        double denominator = 1 + z2 / trials;
        double centre = (p + z2 / (2 * trials)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials)) / denominator;
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
