package dev.tendril.contact;

import dev.tendril.contact.internal.ContactStore;
import dev.tendril.contact.internal.StageHistoryStore;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contacts' lifecycle stages: moves by hand (the API) and by the scoring model's automatic rules, each recorded in
 * the stage history ({@code /api/v1/contacts/{id}/stage/history}) and published as {@link StageChanged}.
 */
@Service
public class LifecycleStages {
    /** The stages in funnel order; {@link #CHURNED} stands apart. */
    public static final List<String> ORDER = List.of("subscriber", "lead", "mql", "sql", "opportunity", "customer", "evangelist");
    public static final String CHURNED = "churned";

    private final ContactLocks locks;
    private final ContactStore contacts;
    private final StageHistoryStore history;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LifecycleStages(ContactLocks locks, ContactStore contacts, StageHistoryStore history, ApplicationEventPublisher events, Clock clock) {
        this.clock = clock;
        this.locks = locks;
        this.contacts = contacts;
        this.history = history;
        this.events = events;
    }

    public static boolean isStage(String stage) {
        return ORDER.contains(stage) || CHURNED.equals(stage);
    }

    /**
     * Moves the contact to {@code to} by hand: from any stage, in any direction; nothing when it is there already.
     * False for an unknown contact.
     */
    @Transactional
    public boolean move(long workspaceId, long contactId, String to, String reason) {
        if (!locks.exclusive(workspaceId, new long[] {contactId})) { // queues with automatic moves of the same contact
            return false;
        }
        String from = contacts.find(workspaceId, contactId).orElseThrow().lifecycleStage();
        if (!to.equals(from)) {
            apply(workspaceId, List.of(new StageMove(contactId, from, to, reason, clock.instant())), false);
        }
        return true;
    }

    /**
     * Automatic moves, with a few statements however many. A move happens only if the contact is still in
     * {@code from}: it was decided by a rescore that read the stage without holding the contact, so an edit committed
     * meanwhile (a stage set by hand) would otherwise be overwritten; that edit rescores the contact, which decides
     * again. Returns the ids moved.
     */
    @Transactional
    public Set<Long> moveAutomatically(long workspaceId, List<StageMove> moves) {
        locks.exclusive(workspaceId, moves.stream().mapToLong(StageMove::contactId).toArray());
        return apply(workspaceId, moves, true);
    }

    private Set<Long> apply(long workspaceId, List<StageMove> moves, boolean automatic) {
        Set<Long> moved = contacts.moveStages(workspaceId, moves);
        List<StageMove> done = moves.stream().filter(m -> moved.contains(m.contactId())).toList();
        history.add(workspaceId, done, automatic);
        done.forEach(m -> events.publishEvent(new StageChanged(workspaceId, m.contactId(), m.from(), m.to(), automatic, m.reason())));
        return moved;
    }
}
