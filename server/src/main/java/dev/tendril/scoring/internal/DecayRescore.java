package dev.tendril.scoring.internal;

import dev.tendril.condition.Conditions;
import dev.tendril.platform.Worker;
import dev.tendril.platform.Workers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Scores that change with time alone: recency decay lowers a contact's activity points as days pass
 * without events, and rules with windows relative to now ("within the last 7 days") stop holding.
 * Every {@code tendril.scoring.decay-interval} (default an hour) the contacts whose score is older
 * than that are noted in {@code score_pending} ("time passed") for the drainer, after event batches
 * and edits: those with activity points to decay, or every scored contact of a workspace whose model
 * has time-relative rules.
 */
@Component
class DecayRescore {
    static final String TIME_PASSED = "time passed";

    private final ScorePendingStore pending;
    private final ModelStore models;
    private final RescorePending rescore;

    DecayRescore(ScorePendingStore pending, ModelStore models, RescorePending rescore, Clock clock, Workers workers,
            @Value("${tendril.scoring.decay-interval:PT1H}") Duration interval,
            @Value("${tendril.scoring.decay-initial-delay:PT1M}") Duration initialDelay) {
        this.pending = pending;
        this.models = models;
        this.rescore = rescore;
        workers.define(Worker.Spec.every("score-decay", interval, initialDelay, stop -> noteScoredBefore(clock.instant().minus(interval))));
    }

    /** Notes the contacts scored before {@code cutoff} whose score can have drifted, and wakes the rescore; how many. */
    int noteScoredBefore(Instant cutoff) {
        int noted = 0;
        for (long workspaceId : pending.scoredWorkspaces()) {
            noted += pending.noteScoredBefore(workspaceId, cutoff, driftsWithTime(models.current(workspaceId)), TIME_PASSED);
        }
        if (noted > 0) {
            rescore.wake();
        }
        return noted;
    }

    /** Whether a rule or stage rule names a window relative to now: then any contact's score can change with time alone. */
    static boolean driftsWithTime(ScoringModel model) {
        return model.categories().values().stream().flatMap(c -> c.rules().stream())
                .anyMatch(r -> r instanceof ScoringRule.When w && Conditions.isTimeRelative(w.condition()))
                || model.stageRules().stream().anyMatch(r -> r.condition() != null && Conditions.isTimeRelative(r.condition()));
    }
}
