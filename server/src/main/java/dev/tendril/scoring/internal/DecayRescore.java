package dev.tendril.scoring.internal;

import dev.tendril.segment.Conditions;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
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

    private final JdbcClient jdbc;
    private final ModelStore models;
    private final RescorePending pending;
    private final Clock clock;
    private final Duration interval;

    DecayRescore(JdbcClient jdbc, ModelStore models, RescorePending pending, Clock clock,
            @Value("${tendril.scoring.decay-interval:PT1H}") Duration interval) {
        this.jdbc = jdbc;
        this.models = models;
        this.pending = pending;
        this.clock = clock;
        this.interval = interval;
    }

    @Scheduled(fixedDelayString = "${tendril.scoring.decay-interval:PT1H}",
            initialDelayString = "${tendril.scoring.decay-initial-delay:PT1M}")
    void run() {
        if (noteScoredBefore(clock.instant().minus(interval)) > 0) {
            pending.wake();
        }
    }

    /** Notes the contacts scored before {@code cutoff} whose score can have drifted; how many. */
    int noteScoredBefore(Instant cutoff) {
        int noted = 0;
        for (long workspaceId : jdbc.sql("select distinct workspace_id from contact_score").query(Long.class).list()) {
            boolean everyone = driftsWithTime(models.current(workspaceId));
            noted += jdbc.sql("""
                    insert into score_pending (workspace_id, contact_id, reason)
                    select s.workspace_id, s.contact_id, ? from contact_score s
                    where s.workspace_id = ? and s.scored_at < ? and (? or s.engagement_score > 0)
                      and not exists (select 1 from score_pending p where p.workspace_id = s.workspace_id and p.contact_id = s.contact_id)""")
                    .params(TIME_PASSED, workspaceId, Timestamp.from(cutoff), everyone).update();
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
