package dev.tendril.scoring.internal;

import dev.tendril.condition.Condition;
import dev.tendril.condition.Conditions;
import dev.tendril.condition.ContactSnapshot;
import dev.tendril.condition.EventTests;
import dev.tendril.contact.ContactLocks;
import dev.tendril.contact.StageAndOwner;
import dev.tendril.contact.StageMove;
import dev.tendril.event.BehaviorView;
import dev.tendril.event.Timeline;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scores contacts with their workspace's current model and stores the result. Under scoring's own
 * per-contact locks ({@link ScoreStore#lockForRescore}), so concurrent rescores of the same contact
 * queue and each real change is recorded and published exactly once, while ingestion never waits. The
 * events are published in the rescoring transaction (segments note them there) and reach transactional
 * listeners after it commits. Automatic stage moves are only decided here ({@link PendingStageMoves}) and
 * applied after commit. No module stores predicted points yet, so the predictive category holds its rules alone.
 */
@Component
class RescoreContacts {
    private static final double NO_PREDICTION = 0;

    private final Conditions conditions;
    private final ContactLocks locks;
    private final Timeline timeline;
    private final ModelStore models;
    private final ScoreStore scores;
    private final PendingStageMoves stageMoves;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RescoreContacts(Conditions conditions, ContactLocks locks, Timeline timeline, ModelStore models, ScoreStore scores,
            PendingStageMoves stageMoves, ApplicationEventPublisher events, Clock clock) {
        this.conditions = conditions;
        this.locks = locks;
        this.timeline = timeline;
        this.models = models;
        this.scores = scores;
        this.stageMoves = stageMoves;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Loads what the model reads for all the contacts at once: their stage and owner, behaviour and stored scores in
     * one query each, and each rule's condition over all of them in one query of the batch backend (which
     * agrees with the in-memory one), so a round costs a few queries whatever its size.
     */
    @Transactional
    void rescore(long workspaceId, Collection<Long> contactIds, String reason) {
        rescore(workspaceId, contactIds, reason, null);
    }

    /**
     * As {@link #rescore(long, Collection, String)}, as of {@code known}'s instant and with the event tests it
     * covers taken from it (a workspace rescore). A contact scored since that instant is left as it is: that
     * score read every event {@code known} did, and maybe later ones.
     */
    @Transactional
    void rescore(long workspaceId, Collection<Long> contactIds, String reason, EventTests known) {
        long[] requested = contactIds.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
        if (requested.length == 0) {
            return;
        }
        scores.lockForRescore(requested);
        ScoringModel model = models.current(workspaceId);
        Instant now = known == null ? clock.instant() : known.asOf();
        Map<Long, StageAndOwner> found = locks.keep(workspaceId, requested);
        Map<Long, ScoreStore.Stored> before = scores.current(workspaceId, requested);
        // Others were deleted or merged away since, or (in a workspace rescore) scored after its event pass.
        long[] ids = LongStream.of(requested).filter(id -> found.containsKey(id)
                && (known == null || !before.containsKey(id) || before.get(id).scoredAt().isBefore(now))).toArray();
        Map<Condition, Set<Long>> matching = matching(workspaceId, model, ids, now, known);
        Map<Long, BehaviorView> behavior = timeline.behaviors(workspaceId, LongStream.of(ids).boxed().toList());
        List<ScoreStore.ScoredContact> all = new ArrayList<>(ids.length);
        List<ScoreStore.ScoredContact> history = new ArrayList<>();
        List<StageMove> moves = new ArrayList<>();
        for (long id : ids) {
            StageAndOwner contact = found.get(id);
            ScoreInputs inputs = new ScoreInputs(contact.stage(), ScoreInputs.owned(contact.owner()), behavior.get(id),
                    NO_PREDICTION, now, c -> matching.get(c).contains(id));
            Scored after = ScoreCalculator.score(model, inputs);
            Scored previous = before.containsKey(id) ? before.get(id).scored() : Scored.unscored(model);
            all.add(new ScoreStore.ScoredContact(id, after));
            if (ScoreEvents.changed(previous, after)) {
                history.add(new ScoreStore.ScoredContact(id, after));
            }
            ScoreEvents.between(workspaceId, id, !before.containsKey(id), previous, after, model, reason).forEach(events::publishEvent);
            StageRules.automaticMove(model.stageRules(), inputs.stage(), after, inputs.matches()).ifPresent(rule ->
                    moves.add(new StageMove(id, inputs.stage(), rule.stage(), StageRules.describe(rule), now)));
        }
        scores.saveAll(workspaceId, all, model.version(), now);
        scores.addHistory(workspaceId, history, reason, model.version(), now);
        stageMoves.decide(workspaceId, moves);
    }

    /** Each condition of the model's rules and stage rules, with the contacts among {@code ids} it holds for: one query for all. */
    private Map<Condition, Set<Long>> matching(long workspaceId, ScoringModel model, long[] ids, Instant now, EventTests known) {
        List<Condition> all = model.conditions();
        List<Set<Long>> matched = known == null ? conditions.matchingAmongEach(workspaceId, all, now, ids)
                : conditions.matchingAmongEach(workspaceId, all, ids, known);
        Map<Condition, Set<Long>> out = new IdentityHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            out.put(all.get(i), matched.get(i));
        }
        return out;
    }

    /** The contact's score under the current model, computed now without storing it (a contact never scored yet). */
    Optional<ScoreView> preview(long workspaceId, long contactId) {
        ScoringModel model = models.current(workspaceId);
        Instant now = clock.instant();
        return inputs(workspaceId, contactId, now).map(in -> {
            return ScoreView.of(contactId, ScoreCalculator.score(model, in), model.version(), now);
        });
    }

    private Optional<ScoreInputs> inputs(long workspaceId, long contactId, Instant now) {
        Optional<ContactSnapshot> snapshot = conditions.snapshot(workspaceId, contactId);
        return snapshot.map(s -> ScoreInputs.of(s, timeline.behavior(workspaceId, contactId).orElse(null),
                NO_PREDICTION, now, c -> conditions.matches(c, s, now)));
    }
}
