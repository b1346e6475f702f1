package dev.tendril.experiment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.hipparchus.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

class SignificanceTest {

    @Test
    void zTestMatchesTheWorkedExample() {
        // 25% of 1000 against 20% of 1000: pooled p = 0.225, SE = sqrt(0.225 * 0.775 * 2/1000) = 0.018675,
        // z = 0.05 / 0.018675 = 2.677, two-sided p = 0.0074.
        var r = TwoProportionZTest.test(new ArmCounts(1000, 250), new ArmCounts(1000, 200));
        assertThat(r.z()).isCloseTo(2.6774, within(1e-4));
        assertThat(r.pValue()).isCloseTo(0.00742, within(1e-5));
        assertThat(TwoProportionZTest.test(new ArmCounts(1000, 200), new ArmCounts(1000, 250)).z()).isCloseTo(-2.6774, within(1e-4));
    }

    @Test
    void zTestAgreesWithHipparchusChiSquareOnTheTwoByTwoTable() {
        long[][][] tables = {{{120, 880}, {100, 900}}, {{30, 470}, {45, 655}}, {{7, 93}, {19, 131}}};
        for (long[][] t : tables) {
            var a = new ArmCounts(t[0][0] + t[0][1], t[0][0]);
            var b = new ArmCounts(t[1][0] + t[1][1], t[1][0]);
            assertThat(TwoProportionZTest.test(a, b).pValue()).isCloseTo(new ChiSquareTest().chiSquareTest(t), within(1e-9));
        }
    }

    @Test
    void zTestWithoutVarianceOrDataFindsNoDifference() {
        assertThat(TwoProportionZTest.test(new ArmCounts(50, 0), new ArmCounts(70, 0)).pValue()).isEqualTo(1);
        assertThat(TwoProportionZTest.test(new ArmCounts(0, 0), new ArmCounts(70, 3)).pValue()).isEqualTo(1);
    }

    @Test
    void wilsonIntervalsMatchPublishedValues() {
        var half = WilsonInterval.of(50, 100, 0.95);
        assertThat(half.low()).isCloseTo(0.4038, within(1e-4));
        assertThat(half.high()).isCloseTo(0.5962, within(1e-4));
        var none = WilsonInterval.of(0, 10, 0.95);
        assertThat(none.low()).isEqualTo(0);
        assertThat(none.high()).isCloseTo(0.2775, within(1e-4));
        var one = WilsonInterval.of(1, 10, 0.95);
        assertThat(one.low()).isCloseTo(0.0179, within(1e-4));
        assertThat(one.high()).isCloseTo(0.4042, within(1e-4));
        assertThat(WilsonInterval.of(0, 0, 0.95)).isEqualTo(new WilsonInterval.Interval(0, 1));
    }

    @Test
    void noDecisionBeforeEveryArmHasItsSample() {
        var d = FixedHorizonDecision.decide(List.of(new ArmCounts(1000, 300), new ArmCounts(999, 100)), 1000, 0.05);
        assertThat(d.horizonReached()).isFalse();
        assertThat(d.winner()).isEqualTo(-1);
        assertThat(d.best()).isZero();
    }

    @Test
    void aClearDifferenceAtTheHorizonPicksTheBestArm() {
        var d = FixedHorizonDecision.decide(List.of(new ArmCounts(1000, 200), new ArmCounts(1000, 250)), 1000, 0.05);
        assertThat(d.horizonReached()).isTrue();
        assertThat(d.winner()).isEqualTo(1);
        assertThat(d.comparisons()).singleElement().satisfies(c -> {
            assertThat(c.against()).isZero();
            assertThat(c.pValue()).isCloseTo(0.00742, within(1e-5));
        });
    }

    @Test
    void aSmallDifferenceIsNoWinner() {
        var d = FixedHorizonDecision.decide(List.of(new ArmCounts(1000, 120), new ArmCounts(1000, 100)), 1000, 0.05);
        assertThat(d.horizonReached()).isTrue();
        assertThat(d.best()).isZero();
        assertThat(d.winner()).isEqualTo(-1);
        assertThat(d.largestPValue()).isCloseTo(0.1529, within(1e-4));
    }

    @Test
    void bonferroniMakesMoreArmsNeedStrongerEvidence() {
        // p = 0.0074 beats alpha 0.05 with two arms, and 0.05 / 2 with three, but not 0.05 / 9 = 0.0056 with ten.
        ArmCounts best = new ArmCounts(1000, 250);
        ArmCounts other = new ArmCounts(1000, 200);
        assertThat(FixedHorizonDecision.decide(List.of(other, best, other), 1000, 0.05).winner()).isEqualTo(1);
        List<ArmCounts> ten = new java.util.ArrayList<>(java.util.Collections.nCopies(9, other));
        ten.add(best);
        var d = FixedHorizonDecision.decide(ten, 1000, 0.05);
        assertThat(d.adjustedAlpha()).isCloseTo(0.05 / 9, within(1e-12));
        assertThat(d.winner()).isEqualTo(-1);
    }

    @Test
    void theBestArmMustBeatEveryOtherArm() {
        var d = FixedHorizonDecision.decide(List.of(new ArmCounts(1000, 200), new ArmCounts(1000, 250), new ArmCounts(1000, 245)),
                1000, 0.05);
        assertThat(d.best()).isEqualTo(1);
        assertThat(d.winner()).isEqualTo(-1);
    }
}
