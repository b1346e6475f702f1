package dev.tendril.experiment.internal;

/**
 * Maps a uniform number to an arm: the first {@code holdout} share of [0, 1) is the holdout, the
 * rest is cut into slices proportional to the weights.
 */
final class WeightedSplit {
    static final int HOLDOUT = -1;

    private WeightedSplit() {}

    /** Whether the number falls in the holdout share (a fraction from 0 to 1). */
    static boolean inHoldout(double unit, double holdout) {
        return unit < holdout;
    }

    /** The index of the arm, or {@link #HOLDOUT}. */
    static int pick(double unit, double holdout, double[] weights) {
        if (inHoldout(unit, holdout)) {
            return HOLDOUT;
        }
        double rest = (unit - holdout) / (1 - holdout);
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double edge = 0;
        for (int i = 0; i < weights.length; i++) {
            edge += weights[i] / total;
            if (rest < edge) {
                return i;
            }
        }
        return weights.length - 1; // rounding left rest at the very top
    }
}
