package dev.tendril.scoring.internal;

import static dev.tendril.scoring.internal.ScoringFixtures.DEFAULTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tendril.scoring.GradeChanged;
import dev.tendril.scoring.ScoreChanged;
import dev.tendril.scoring.ScoreThresholdCrossed.Direction;
import dev.tendril.scoring.ScoreThresholdCrossed;
import dev.tendril.scoring.TemperatureChanged;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreEventsTest {
    private static Scored scored(double score, double fit) {
        return new Scored(score, fit, score - fit, DEFAULTS.grades().grade(fit), DEFAULTS.temperature().of(score), Map.of(),
                List.of(), List.of());
    }

    @Test
    void nothingWhenNothingChanged() {
        assertThat(ScoreEvents.changed(scored(40, 10), scored(40, 10))).isFalse();
        assertThat(ScoreEvents.between(1, 2, false, scored(40, 10), scored(40, 10), DEFAULTS, "event batch")).isEmpty();
    }

    @Test
    void aFirstScoreIsAChangeEvenWhenItEqualsUnscored() {
        Scored unscored = Scored.unscored(DEFAULTS);
        assertThat(ScoreEvents.between(1, 2, true, unscored, unscored, DEFAULTS, "contact edited"))
                .containsExactly(new ScoreChanged(1, 2, 0, 0, true, "contact edited", 1));
    }

    @Test
    void aFitChangeAloneIsAScoreChange() {
        assertThat(ScoreEvents.between(1, 2, false, scored(40, 10), new Scored(40, 12, 28, DEFAULTS.grades().grade(12),
                DEFAULTS.temperature().of(40), Map.of(), List.of(), List.of()), DEFAULTS, "event batch"))
                .startsWith(new ScoreChanged(1, 2, 40, 40, false, "event batch", 1));
    }

    @Test
    void scoreOnlyWithinTheSameBands() {
        assertThat(ScoreEvents.between(1, 2, false, scored(40, 10), scored(45, 10), DEFAULTS, "event batch"))
                .containsExactly(new ScoreChanged(1, 2, 40, 45, false, "event batch", 1));
    }

    @Test
    void eachBoundaryCrossedOnce() {
        assertThat(ScoreEvents.between(1, 2, false, scored(10, 0), scored(90, 45), DEFAULTS, "model v2")).containsExactly(
                new ScoreChanged(1, 2, 10, 90, false, "model v2", 1),
                new GradeChanged(1, 2, "F", "B"),
                new TemperatureChanged(1, 2, "cold", "hot"),
                new ScoreThresholdCrossed(1, 2, "score", 80, Direction.UP),
                new ScoreThresholdCrossed(1, 2, "score", 50, Direction.UP),
                new ScoreThresholdCrossed(1, 2, "fitScore", 40, Direction.UP),
                new ScoreThresholdCrossed(1, 2, "fitScore", 25, Direction.UP),
                new ScoreThresholdCrossed(1, 2, "fitScore", 10, Direction.UP));
        assertThat(ScoreEvents.between(1, 2, false, scored(85, 45), scored(60, 45), DEFAULTS, "event batch")).containsExactly(
                new ScoreChanged(1, 2, 85, 60, false, "event batch", 1),
                new TemperatureChanged(1, 2, "hot", "warm"),
                new ScoreThresholdCrossed(1, 2, "score", 80, Direction.DOWN));
    }
}
