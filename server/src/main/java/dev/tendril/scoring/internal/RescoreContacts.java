package dev.tendril.scoring.internal;

import dev.tendril.event.Timeline;
import dev.tendril.platform.Ids;
import dev.tendril.scoring.PredictiveScore;
import dev.tendril.segment.Conditions;
import dev.tendril.segment.ContactSnapshot;
import dev.tendril.segment.SegmentInputs;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scores contacts with their workspace's current model and stores the result. Under scoring's own
 * per-contact locks ({@link ScoreStore#lockForRescore}), so concurrent rescores of the same contact
 * queue and each real change is recorded and published exactly once, while ingestion never waits; the events
 * reach listeners after the transaction commits. Segmentation is told which contacts' scores
 * changed in the same transaction ({@link SegmentInputs}), so segments reading scores follow.
 * Automatic stage moves are only decided here ({@link PendingStageMoves}) and applied after commit.
 */
@Component
class RescoreContacts {
    private final Conditions conditions;
    private final Timeline timeline;
    private final List<PredictiveScore> predictive;
    private final ModelStore models;
    private final ScoreStore scores;
    private final PendingStageMoves stageMoves;
    private final ApplicationEventPublisher events;
    private final SegmentInputs segments;
    private final Clock clock;

    RescoreContacts(Conditions conditions, Timeline timeline, List<PredictiveScore> predictive,
            ModelStore models, ScoreStore scores, PendingStageMoves stageMoves, ApplicationEventPublisher events, SegmentInputs segments, Clock clock) {
        this.segments = segments;
        this.conditions = conditions;
        this.timeline = timeline;
        this.predictive = predictive;
        this.models = models;
        this.scores = scores;
        this.stageMoves = stageMoves;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    void rescore(long workspaceId, Collection<Long> contactIds, String reason) {
        long[] ids = contactIds.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
        if (ids.length == 0) {
            return;
        }
        scores.lockForRescore(ids);
        ScoringModel model = models.current(workspaceId);
        Map<Long, Scored> before = scores.current(workspaceId, ids);
        Instant now = clock.instant();
        List<Long> changed = new ArrayList<>();
        for (long id : ids) {
            Optional<ScoreInputs> inputs = inputs(workspaceId, id, now);
            if (inputs.isEmpty()) {
                continue; // deleted or merged away since the batch
            }
            Scored after = ScoreCalculator.score(model, inputs.get());
            Scored previous = before.getOrDefault(id, Scored.unscored(model));
            scores.save(workspaceId, id, after, model.version(), now);
            if (ScoreEvents.changed(previous, after) || !before.containsKey(id)) {
                // A first score counts even when it equals "unscored": segments reading scores may not have seen
                // the contact yet (one created through the API re-evaluates only segments reading contact data).
                changed.add(id);
            }
            if (ScoreEvents.changed(previous, after)) {
                scores.addHistory(workspaceId, id, after, reason, model.version(), now);
                ScoreEvents.between(workspaceId, id, previous, after, model, reason).forEach(events::publishEvent);
            }
            String stage = inputs.get().stage();
            Stages.automaticMove(model.stageRules(), stage, after, inputs.get().matches()).ifPresent(rule ->
                    stageMoves.decide(workspaceId, id, stage, rule.stage(), StageChanges.describe(rule), now));
        }
        segments.scoresChanged(workspaceId, changed);
    }

    /** The contact's score under the current model, computed now without storing it (a contact never scored yet). */
    Optional<ScoreView> preview(long workspaceId, long contactId) {
        ScoringModel model = models.current(workspaceId);
        Instant now = clock.instant();
        return inputs(workspaceId, contactId, now).map(in -> {
            Scored s = ScoreCalculator.score(model, in);
            ScoreStore.Details d = ScoreStore.details(s);
            return new ScoreView(Ids.CONTACT.format(contactId), s.score(), s.grade(), s.temperature(), s.fitScore(),
                    s.engagementScore(), d.breakdown(), d.rules(), d.recommendations(), model.version(), now);
        });
    }

    private Optional<ScoreInputs> inputs(long workspaceId, long contactId, Instant now) {
        Optional<ContactSnapshot> snapshot = conditions.snapshot(workspaceId, contactId);
        return snapshot.map(s -> new ScoreInputs(s, timeline.behavior(workspaceId, contactId).orElse(null),
                predictive.stream().mapToDouble(p -> p.points(workspaceId, contactId)).sum(), now,
                c -> conditions.matches(c, s, now)));
    }
}
