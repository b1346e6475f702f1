package dev.tendril.contact.internal;

import dev.tendril.contact.ContactsMerged;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A contact merged into another hands over its consent: per channel the more recent status wins (the
 * person's latest word), and its change record moves along. Inside the merging transaction, before the
 * merged contact's rows go with it.
 */
@Component
class MergeSubscriptions {
    private final SubscriptionStore store;
    private final ChangeSubscription change;

    MergeSubscriptions(SubscriptionStore store, ChangeSubscription change) {
        this.store = store;
        this.change = change;
    }

    @EventListener
    void on(ContactsMerged merged) {
        long ws = merged.workspaceId();
        Map<String, SubscriptionView> target = byChannel(ws, merged.targetId());
        store.moveChanges(ws, merged.sourceId(), merged.targetId());
        for (SubscriptionView s : store.of(ws, merged.sourceId())) {
            SubscriptionView kept = target.get(s.channel());
            if (kept == null || kept.updatedAt().isBefore(s.updatedAt())) {
                change.change(ws, merged.targetId(), s.channel(), s.status(), "merge", s.updatedAt());
            }
        }
    }

    private Map<String, SubscriptionView> byChannel(long ws, long contactId) {
        Map<String, SubscriptionView> out = new HashMap<>();
        store.of(ws, contactId).forEach(s -> out.put(s.channel(), s));
        return out;
    }
}
