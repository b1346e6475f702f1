package dev.tendril.scoring.internal;

import static dev.tendril.scoring.internal.ScoringFixtures.DEFAULTS;
import static dev.tendril.scoring.internal.ScoringFixtures.behavior;
import static dev.tendril.scoring.internal.ScoringFixtures.contact;
import static dev.tendril.scoring.internal.ScoringFixtures.inputs;
import static dev.tendril.scoring.internal.ScoringFixtures.model;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tendril.event.BehaviorView;
import dev.tendril.scoring.internal.Scored.FiredRule;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoreCalculatorTest {
    private static final Map<String, Object> NOBODY = Map.of();

    /** Default behaviour points per unit, capped at 100; seen just now, so no decay. */
    @ParameterizedTest(name = "pages {0}, minutes {1}, returns {2}, pricing {3}, demos {4}, trials {5}, downloads {6}, videos {7}, webinars {8} -> {9}")
    @CsvSource({
            "0, 0, 0, 0, 0, 0, 0, 0, 0, 0",
            "3, 0, 0, 0, 0, 0, 0, 0, 0, 3",
            "0, 12.5, 0, 0, 0, 0, 0, 0, 0, 1.25",
            "0, 0, 2, 0, 0, 0, 0, 0, 0, 10",
            "0, 0, 0, 0, 0, 0, 1, 1, 1, 33",
            "4, 0, 0, 2, 1, 0, 0, 0, 0, 94",
            "3, 12.5, 1, 2, 1, 0, 0, 0, 0, 99.25",
            "0, 0, 0, 0, 1, 1, 0, 0, 0, 100",
            "50, 100, 10, 10, 3, 2, 5, 5, 5, 100"})
    void behaviourPointsPerUnitAreCapped(int pages, double minutes, int returns, int pricing, int demos, int trials,
            int downloads, int videos, int webinars, double expected) {
        BehaviorView b = behavior(0, pages, minutes, returns, pricing, demos, trials, downloads, videos, webinars);
        Scored s = ScoreCalculator.score(DEFAULTS, inputs(contact(NOBODY, NOBODY), b));
        assertThat(s.breakdown().get(Category.BEHAVIOR)).isEqualTo(expected);
        assertThat(s.engagementScore()).isEqualTo(expected);
        assertThat(s.score()).isEqualTo(expected);
    }

    /** engagement = activity × 0.5^(days / halfLife): recency holds the loss. */
    @ParameterizedTest(name = "{0} days inactive, half-life {1} -> recency {2}")
    @CsvSource({
            "0, 30, 0",
            "30, 30, -47",
            "60, 30, -70.5",
            "15, 30, -27.53",
            "7, 7, -47",
            "90, 30, -82.25"})
    void recencyDecaysActivityByHalfLife(double days, double halfLife, double expectedRecency) {
        ScoringModel m = model("{\"categories\": {\"recency\": {\"halfLifeDays\": " + halfLife + "}}}");
        BehaviorView b = behavior(days, 4, 0, 0, 2, 1, 0, 0, 0, 0); // 4 + 40 + 50 = 94
        Scored s = ScoreCalculator.score(m, inputs(contact(NOBODY, NOBODY), b));
        assertThat(s.breakdown().get(Category.RECENCY)).isEqualTo(expectedRecency);
        assertThat(s.engagementScore()).isEqualTo(ScoreCalculator.round(94 + expectedRecency));
    }

    @Test
    void pointsThatRoundToNothingAreNotListedAsFired() {
        // Seen ten seconds ago: four page views decay by a few hundred-thousandths of a point.
        Scored recent = ScoreCalculator.score(DEFAULTS, inputs(contact(NOBODY, NOBODY), behavior(10.0 / 86_400, 4, 0, 0, 0, 0, 0, 0, 0, 0)));
        assertThat(recent.rules()).extracting(FiredRule::name).containsExactly("Page views");
        assertThat(recent.score()).isEqualTo(4.0);
        ScoringModel m = model("""
                {"categories": {"behavior": {"rules": [{"name": "Minutes", "metric": "timeOnSite", "pointsPerUnit": 0.001}]}}}""");
        assertThat(ScoreCalculator.score(m, inputs(contact(NOBODY, NOBODY), behavior(0, 0, 2, 0, 0, 0, 0, 0, 0, 0))).rules()).isEmpty();
    }

    @Test
    void neverSeenContactsHaveNoDecay() {
        Scored s = ScoreCalculator.score(DEFAULTS, inputs(contact(NOBODY, NOBODY), null));
        assertThat(s.score()).isZero();
        assertThat(s.rules()).isEmpty();
        assertThat(s.grade()).isEqualTo("F");
        assertThat(s.temperature()).isEqualTo("cold");
    }

    @Test
    void weightsMultiplyThenCapsLimitTheContribution() {
        ScoringModel m = model("""
                {"categories": {"behavior": {"weight": 0.5, "cap": 40, "rules": [
                  {"name": "Pages", "metric": "pageViews", "pointsPerUnit": 2}]},
                 "demographics": {"weight": 2, "rules": [
                  {"name": "VP", "condition": {"attribute": "title", "op": "contains", "value": "vp"}, "points": 15}]}}}""");
        Map<String, Object> vp = Map.of("title", "VP Sales");
        assertThat(ScoreCalculator.score(m, inputs(contact(vp, NOBODY), behavior(0, 30, 0, 0, 0, 0, 0, 0, 0, 0))).breakdown())
                .containsEntry(Category.BEHAVIOR, 30.0).containsEntry(Category.DEMOGRAPHICS, 30.0);
        Scored capped = ScoreCalculator.score(m, inputs(contact(vp, NOBODY), behavior(0, 100, 0, 0, 0, 0, 0, 0, 0, 0)));
        assertThat(capped.breakdown().get(Category.BEHAVIOR)).isEqualTo(40.0);
        // Positions count every category's rules in order: VP 0, the four default firmographic rules 1-4, Pages 5.
        assertThat(capped.rules()).contains(new FiredRule("behavior", "Pages", 200, 5), new FiredRule("demographics", "VP", 15, 0));
        assertThat(capped.fitScore()).isEqualTo(30.0);
        assertThat(capped.score()).isEqualTo(70.0);
    }

    @Test
    void aStoredPositionNamesTheSameRuleAgainIncludingDecayAndPredictive() {
        ScoringModel m = model("{\"categories\": {\"predictive\": {\"weight\": 1}}}");
        Map<String, Object> fields = Map.of("title", "VP Sales", "email", "ann@acme.io", "company.employees", new java.math.BigDecimal(2000));
        Scored s = ScoreCalculator.score(m, inputs(contact(fields, NOBODY), behavior(40, 12, 3, 2, 1, 0, 0, 0, 0, 0), 7));
        assertThat(s.rules()).extracting(FiredRule::rule).contains(FiredRule.DECAY, FiredRule.PREDICTIVE).hasSizeGreaterThan(5);
        for (FiredRule r : s.rules()) {
            assertThat(m.fired(r.rule(), r.points())).contains(r);
        }
        assertThat(m.fired(m.position(Category.PREDICTIVE, 0), 1)).isEmpty();
    }

    @Test
    void defaultFitRulesAndNegativeEngagement() {
        Map<String, Object> fields = Map.of("title", "Director of IT", "email", "ann@acme.io", "phone", "+4930123",
                "company.employees", new java.math.BigDecimal(2000), "company.industry", "Software");
        Scored s = ScoreCalculator.score(DEFAULTS, inputs(contact(fields, NOBODY), null));
        assertThat(s.breakdown()).containsEntry(Category.DEMOGRAPHICS, 25.0).containsEntry(Category.FIRMOGRAPHICS, 30.0);
        assertThat(s.fitScore()).isEqualTo(55.0);
        assertThat(s.grade()).isEqualTo("B");
    }

    @Test
    void predictiveHasWeightZeroByDefaultAndCountsWhenWeighted() {
        assertThat(ScoreCalculator.score(DEFAULTS, inputs(contact(NOBODY, NOBODY), null, 40)).score()).isZero();
        ScoringModel m = model("{\"categories\": {\"predictive\": {\"weight\": 0.5}}}");
        Scored s = ScoreCalculator.score(m, inputs(contact(NOBODY, NOBODY), null, 40));
        assertThat(s.breakdown().get(Category.PREDICTIVE)).isEqualTo(20.0);
        assertThat(s.score()).isEqualTo(20.0);
    }

    @ParameterizedTest(name = "fit {0} -> grade {1}")
    @CsvSource({"100, A", "60, A", "59.99, B", "40, B", "25, C", "10, D", "9.99, F", "0, F", "-5, F"})
    void gradesOnFit(double fit, String grade) {
        assertThat(DEFAULTS.grades().grade(fit)).isEqualTo(grade);
    }

    @ParameterizedTest(name = "score {0} -> {1}")
    @CsvSource({"120, hot", "80, hot", "79.99, warm", "50, warm", "49.99, cold", "0, cold"})
    void temperatureOnTotal(double score, String temperature) {
        assertThat(DEFAULTS.temperature().of(score)).isEqualTo(temperature);
    }
}
