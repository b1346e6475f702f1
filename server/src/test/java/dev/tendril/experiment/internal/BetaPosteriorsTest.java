package dev.tendril.experiment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.hipparchus.distribution.continuous.BetaDistribution;
import org.hipparchus.random.RandomDataGenerator;
import org.junit.jupiter.api.Test;

class BetaPosteriorsTest {

    /** P(rate a > rate b) = ∫ density_a(x) · cdf_b(x) dx, by the midpoint rule over Hipparchus' Beta distributions. */
    static double exactProbabilityFirstIsBetter(ArmCounts a, ArmCounts b) {
        var da = new BetaDistribution(1 + a.successes(), 1 + a.sends() - a.successes());
        var db = new BetaDistribution(1 + b.successes(), 1 + b.sends() - b.successes());
        int steps = 20_000;
        double sum = 0;
        for (int i = 0; i < steps; i++) {
            double x = (i + 0.5) / steps;
            sum += da.density(x) * db.cumulativeProbability(x);
        }
        return sum / steps;
    }

    @Test
    void probabilityToBeBestMatchesTheIntegralOverThePosteriors() {
        ArmCounts a = new ArmCounts(100, 12);
        ArmCounts b = new ArmCounts(100, 8);
        double exact = exactProbabilityFirstIsBetter(a, b);
        assertThat(exact).isBetween(0.75, 0.87);
        double[] p = BetaPosteriors.probabilityToBeBest(List.of(a, b), 20_000, new RandomDataGenerator(42));
        assertThat(p[0]).isCloseTo(exact, within(0.015));
        assertThat(p[0] + p[1]).isCloseTo(1, within(1e-9));
    }

    @Test
    void equalArmsAreEquallyLikelyToBeBestAndAClearLeaderIsAlmostSure() {
        double[] even = BetaPosteriors.probabilityToBeBest(List.of(new ArmCounts(500, 50), new ArmCounts(500, 50),
                new ArmCounts(500, 50)), 30_000, new RandomDataGenerator(7));
        for (double p : even) {
            assertThat(p).isCloseTo(1.0 / 3, within(0.02));
        }
        double[] clear = BetaPosteriors.probabilityToBeBest(List.of(new ArmCounts(1000, 100), new ArmCounts(1000, 300)),
                10_000, new RandomDataGenerator(7));
        assertThat(clear[1]).isGreaterThan(0.999);
    }

    @Test
    void thompsonSamplingMovesTrafficTowardsTheBetterArm() {
        List<ArmCounts> arms = List.of(new ArmCounts(200, 10), new ArmCounts(200, 30));
        RandomDataGenerator random = new RandomDataGenerator(1);
        int[] picks = new int[2];
        for (int i = 0; i < 5_000; i++) {
            picks[BetaPosteriors.thompsonPick(arms, random)]++;
        }
        double expectedShare = exactProbabilityFirstIsBetter(arms.get(1), arms.get(0));
        assertThat(picks[1] / 5_000.0).isCloseTo(expectedShare, within(0.02)).isGreaterThan(0.9);
    }

    @Test
    void withoutDataEveryArmGetsAnEvenShare() {
        List<ArmCounts> arms = List.of(new ArmCounts(0, 0), new ArmCounts(0, 0));
        RandomDataGenerator random = new RandomDataGenerator(3);
        int first = 0;
        for (int i = 0; i < 10_000; i++) {
            first += BetaPosteriors.thompsonPick(arms, random) == 0 ? 1 : 0;
        }
        assertThat(first / 10_000.0).isCloseTo(0.5, within(0.02));
    }

    @Test
    void aSeededGeneratorRepeatsItsAnswer() {
        List<ArmCounts> arms = List.of(new ArmCounts(40, 4), new ArmCounts(40, 6));
        assertThat(BetaPosteriors.probabilityToBeBest(arms, 1000, new RandomDataGenerator(9)))
                .containsExactly(BetaPosteriors.probabilityToBeBest(arms, 1000, new RandomDataGenerator(9)));
    }
}
