package dev.tendril.experiment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AssignmentSplitTest {

    @Test
    void theSameContactAlwaysLandsInTheSameArm() {
        double[] weights = {1, 1, 2};
        for (long contact = 1; contact < 500; contact++) {
            int arm = WeightedSplit.pick(StableHash.unit(17, contact), 0.1, weights);
            assertThat(WeightedSplit.pick(StableHash.unit(17, contact), 0.1, weights)).isEqualTo(arm);
        }
        assertThat(StableHash.seed(17, 3)).isEqualTo(StableHash.seed(17, 3)).isNotEqualTo(StableHash.seed(18, 3));
    }

    /**
     * Running experiments keep their assignments across upgrades only while the hash stays what docs/experiments.md says:
     * SHA-256 of {@code ex:17:ct:3}, whose first 8 bytes {@code sha256sum} shows as 5f947547e8347dd9.
     */
    @Test
    void theHashIsTheFirstBitsOfTheSha256OfBothIds() {
        assertThat(StableHash.seed(17, 3)).isEqualTo(0x5f947547e8347dd9L);
        assertThat(StableHash.unit(17, 3)).isEqualTo(0.3733590412668536); // 0x5f947547e8347dd9 >>> 11, times 2^-53
        assertThat(WeightedSplit.pick(0.3733590412668536, 0.2, new double[] {1, 3})).isZero(); // (0.373 - 0.2) / 0.8 = 0.217 < 1/4
        assertThat(StableHash.seed(1, 2)).isEqualTo(0x45b008924b7ee609L);
        assertThat(StableHash.unit(1, 2)).isEqualTo(0.27221730777409503);
        assertThat(WeightedSplit.pick(0.27221730777409503, 0, new double[] {1, 3})).isEqualTo(1);
    }

    @Test
    void theSplitFollowsTheWeightsAndTheHoldout() {
        double[] weights = {1, 1, 2};
        int[] counts = new int[3];
        int holdout = 0;
        int n = 100_000;
        for (long contact = 1; contact <= n; contact++) {
            int arm = WeightedSplit.pick(StableHash.unit(42, contact), 0.1, weights);
            if (arm == WeightedSplit.HOLDOUT) {
                holdout++;
            } else {
                counts[arm]++;
            }
        }
        assertThat(holdout / (double) n).isCloseTo(0.10, within(0.005));
        assertThat(counts[0] / (double) n).isCloseTo(0.225, within(0.006));
        assertThat(counts[1] / (double) n).isCloseTo(0.225, within(0.006));
        assertThat(counts[2] / (double) n).isCloseTo(0.45, within(0.006));
    }

    @Test
    void experimentsSplitTheSameContactsIndependently() {
        int sameArm = 0;
        int n = 20_000;
        for (long contact = 1; contact <= n; contact++) {
            int a = WeightedSplit.pick(StableHash.unit(1, contact), 0, new double[] {1, 1});
            int b = WeightedSplit.pick(StableHash.unit(2, contact), 0, new double[] {1, 1});
            sameArm += a == b ? 1 : 0;
        }
        assertThat(sameArm / (double) n).isCloseTo(0.5, within(0.02));
    }

    @Test
    void edgesOfTheUnitIntervalMapToTheFirstAndLastArms() {
        assertThat(WeightedSplit.pick(0, 0, new double[] {1, 3})).isZero();
        assertThat(WeightedSplit.pick(0.2499, 0, new double[] {1, 3})).isZero();
        assertThat(WeightedSplit.pick(0.25, 0, new double[] {1, 3})).isEqualTo(1);
        assertThat(WeightedSplit.pick(Math.nextDown(1.0), 0, new double[] {1, 3})).isEqualTo(1);
        assertThat(WeightedSplit.pick(0.05, 0.1, new double[] {1, 3})).isEqualTo(WeightedSplit.HOLDOUT);
    }
}
