package dev.tendril.scoring.internal;

import dev.tendril.contact.ContactView;
import dev.tendril.contact.Contacts;
import dev.tendril.platform.Ids;
import dev.tendril.scoring.StageChanged;
import java.time.Instant;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Moves a contact to a stage: writes it through the contact module, records the history, publishes {@link StageChanged}. */
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

    /**
     * An automatic move happens only if the contact is still in {@code from}: it was decided by a rescore
     * that read the stage without holding the contact's row ({@link PendingStageMoves}), so an edit committed
     * meanwhile (a stage set through the API) would otherwise be overwritten. That edit queues a rescore of
     * its own, which decides again.
     */
    @Transactional
    void move(long workspaceId, long contactId, String from, String to, boolean automatic, String reason, Instant at) {
        contacts.lock(workspaceId, new long[] {contactId}); // manual and automatic moves of one contact queue
        if (automatic) {
            String current = contacts.find(workspaceId, contactId).map(ContactView::lifecycleStage).orElse(null);
            if (!from.equals(current)) {
                return;
            }
        }
        contacts.patch(workspaceId, Ids.CONTACT.format(contactId), Map.of("lifecycleStage", to));
        store.add(workspaceId, contactId, from, to, automatic, reason, at);
        events.publishEvent(new StageChanged(workspaceId, contactId, from, to, automatic, reason));
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
