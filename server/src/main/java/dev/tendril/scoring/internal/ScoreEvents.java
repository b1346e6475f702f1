package dev.tendril.scoring.internal;

import dev.tendril.scoring.GradeChanged;
import dev.tendril.scoring.ScoreChanged;
import dev.tendril.scoring.ScoreThresholdCrossed.Direction;
import dev.tendril.scoring.ScoreThresholdCrossed;
import dev.tendril.scoring.TemperatureChanged;
import java.util.ArrayList;
import java.util.List;

/**
 * The events one rescore of a contact publishes: only what really changed, each threshold crossed once. A first
 * score is a change even when it equals "unscored" ({@link Scored#unscored}): until then nothing had rated the contact.
 */
final class ScoreEvents {
    private ScoreEvents() {}

    static boolean changed(Scored before, Scored after) {
        return before.score() != after.score() || before.fitScore() != after.fitScore()
                || before.engagementScore() != after.engagementScore() || !before.grade().equals(after.grade())
                || !before.temperature().equals(after.temperature());
    }

    static List<Object> between(long workspaceId, long contactId, boolean first, Scored before, Scored after, ScoringModel model,
            String reason) {
        List<Object> out = new ArrayList<>();
        if (first || changed(before, after)) {
            out.add(new ScoreChanged(workspaceId, contactId, before.score(), after.score(), first, reason, model.version()));
        }
        if (!before.grade().equals(after.grade())) {
            out.add(new GradeChanged(workspaceId, contactId, before.grade(), after.grade()));
        }
        if (!before.temperature().equals(after.temperature())) {
            out.add(new TemperatureChanged(workspaceId, contactId, before.temperature(), after.temperature()));
        }
        for (double t : model.temperature().boundaries()) {
            crossed(workspaceId, contactId, "score", t, before.score(), after.score(), out);
        }
        for (double t : model.grades().boundaries()) {
            crossed(workspaceId, contactId, "fitScore", t, before.fitScore(), after.fitScore(), out);
        }
        return out;
    }

    private static void crossed(long ws, long contactId, String measure, double t, double before, double after, List<Object> out) {
        if (before < t && after >= t) {
            out.add(new ScoreThresholdCrossed(ws, contactId, measure, t, Direction.UP));
        } else if (before >= t && after < t) {
            out.add(new ScoreThresholdCrossed(ws, contactId, measure, t, Direction.DOWN));
        }
    }
}
