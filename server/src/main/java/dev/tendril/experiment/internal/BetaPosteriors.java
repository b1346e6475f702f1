package dev.tendril.experiment.internal;

import java.util.List;
import org.hipparchus.random.RandomDataGenerator;

/**
 * Bayesian view of the arms for the bandit: each arm's rate has a Beta(1 + successes, 1 + failures)
 * posterior (uniform prior). Thompson sampling draws once from every posterior and picks the
 * highest draw, so an arm gets traffic in proportion to the chance that it is the best one.
 */
final class BetaPosteriors {
    static final int DRAWS = 10_000;

    private BetaPosteriors() {}

    /** The arm chosen by one Thompson draw. */
    static int thompsonPick(List<ArmCounts> arms, RandomDataGenerator random) {
        int best = 0;
        double top = -1;
        for (int i = 0; i < arms.size(); i++) {
            double draw = draw(arms.get(i), random);
            if (draw > top) {
                top = draw;
                best = i;
            }
        }
        return best;
    }

    /** The probability that each arm has the highest rate, by Monte Carlo over the posteriors. */
    static double[] probabilityToBeBest(List<ArmCounts> arms, int draws, RandomDataGenerator random) {
        int[] wins = new int[arms.size()];
        for (int d = 0; d < draws; d++) {
            wins[thompsonPick(arms, random)]++;
        }
        double[] p = new double[arms.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = (double) wins[i] / draws;
        }
        return p;
    }

    private static double draw(ArmCounts arm, RandomDataGenerator random) {
        return random.nextBeta(1 + arm.successes(), 1 + arm.sends() - arm.successes());
    }
}
