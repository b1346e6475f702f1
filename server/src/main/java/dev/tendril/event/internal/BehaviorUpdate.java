package dev.tendril.event.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Folds a batch's activity into each contact's behaviour. Events newer than the stored state are
 * folded in; an older one (a late or historical event) refolds that contact from its stored events.
 */
@Component
class BehaviorUpdate {
    private final BehaviorStore store;
    private final BehaviorRules rules;
    private final EventStore events;

    BehaviorUpdate(BehaviorStore store, BehaviorRules rules, EventStore events) {
        this.store = store;
        this.rules = rules;
        this.events = events;
    }

    void fold(long workspaceId, List<StoredEvent> rows) {
        Map<Long, List<TrackingCall>> byContact = new HashMap<>();
        for (StoredEvent e : rows) {
            if (e.message().isActivity()) {
                byContact.computeIfAbsent(e.contactId(), k -> new ArrayList<>()).add(e.message());
            }
        }
        if (byContact.isEmpty()) {
            return;
        }
        long[] ids = byContact.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        Map<Long, BehaviorState> states = store.load(workspaceId, ids);
        BehaviorMatcher matcher = rules.matcher(workspaceId);
        Map<Long, BehaviorState> updated = new HashMap<>();
        for (Map.Entry<Long, List<TrackingCall>> e : byContact.entrySet()) {
            BehaviorState state = states.get(e.getKey());
            List<TrackingCall> activity = e.getValue();
            activity.sort(Comparator.comparing(TrackingCall::timestamp));
            if (state.acceptsInOrder(activity.getFirst().timestamp())) {
                for (TrackingCall m : activity) {
                    state = state.fold(m.timestamp(), matcher.metrics(m.type(), m.name(), m.path()));
                }
                updated.put(e.getKey(), state);
            } else {
                updated.put(e.getKey(), refold(workspaceId, e.getKey(), matcher));
            }
        }
        store.save(workspaceId, updated);
    }

    /** The contact's behaviour from all its stored events; used for late events and after a merge. */
    BehaviorState refold(long workspaceId, long contactId, BehaviorMatcher matcher) {
        BehaviorState[] state = {BehaviorState.empty()};
        events.activity(workspaceId, contactId, (at, type, name, path) -> state[0] = state[0].fold(at, matcher.metrics(type, name, path)));
        return state[0];
    }

    void refoldAndSave(long workspaceId, long contactId) {
        BehaviorState state = refold(workspaceId, contactId, rules.matcher(workspaceId));
        if (state.lastSeen() != null) {
            store.save(workspaceId, Map.of(contactId, state));
        }
    }
}
