package dev.tendril.scoring.internal;

import dev.tendril.contact.Contacts;
import dev.tendril.contact.StageMove;
import dev.tendril.platform.Ids;
import dev.tendril.scoring.StageChanged;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Moves contacts between stages: writes them through the contact module, records the history, publishes {@link StageChanged}. */
@Component
class StageChanges {
    private final Contacts contacts;
    private final StageStore store;
    private final ApplicationEventPublisher events;

    StageChanges(Contacts contacts, StageStore store, ApplicationEventPublisher events) {
        this.contacts = contacts;
        this.store = store;
        this.events = events;
    }

    /** A move set by hand (the API): any stage, in any direction. */
    @Transactional
    void move(long workspaceId, long contactId, String from, String to, String reason, Instant at) {
        contacts.lock(workspaceId, new long[] {contactId}); // queues with automatic moves of the same contact
        contacts.patch(workspaceId, Ids.CONTACT.format(contactId), Map.of("lifecycleStage", to));
        store.add(workspaceId, List.of(new StageStore.Entry(contactId, from, to, reason, at)), false);
        events.publishEvent(new StageChanged(workspaceId, contactId, from, to, false, reason));
    }

    /**
     * Automatic moves, with a few statements however many. A move happens only if the contact is still in
     * {@code from}: it was decided by a rescore that read the stage without holding the contact
     * ({@link PendingStageMoves}), so an edit committed meanwhile (a stage set by hand) would otherwise be
     * overwritten. That edit queues a rescore of its own, which decides again.
     */
    @Transactional
    void moveAutomatically(long workspaceId, List<StageStore.Entry> moves) {
        contacts.lock(workspaceId, moves.stream().mapToLong(StageStore.Entry::contactId).toArray());
        Set<Long> moved = contacts.moveStages(workspaceId, moves.stream().map(m -> new StageMove(m.contactId(), m.from(), m.to())).toList());
        List<StageStore.Entry> done = moves.stream().filter(m -> moved.contains(m.contactId())).toList();
        store.add(workspaceId, done, true);
        done.forEach(m -> events.publishEvent(new StageChanged(workspaceId, m.contactId(), m.from(), m.to(), true, m.reason())));
    }

    /** Says which tests of an automatic rule held, for the history. */
    static String describe(StageRule rule) {
        StringBuilder s = new StringBuilder("rule ").append(rule.stage()).append(':');
        if (rule.minScore() != null) {
            s.append(" score ≥ ").append(ScoreCalculator.round(rule.minScore()));
        }
        if (rule.minFitGrade() != null) {
            s.append(" fit grade ≥ ").append(rule.minFitGrade());
        }
        if (rule.minEngagementScore() != null) {
            s.append(" engagement ≥ ").append(ScoreCalculator.round(rule.minEngagementScore()));
        }
        if (rule.condition() != null) {
            s.append(" condition holds");
        }
        return s.toString();
    }
}
