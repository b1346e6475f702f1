package dev.tendril.channel.internal;

import dev.tendril.content.ContactPreferences;
import dev.tendril.segment.ContactSubscriptions;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Subscription statuses for conditions ({@link ContactSubscriptions}) and for templates ({@code preferences.subscriptions.email}). */
@Component
class SubscriptionStatuses implements ContactSubscriptions, ContactPreferences {
    private final SubscriptionStore store;

    SubscriptionStatuses(SubscriptionStore store) {
        this.store = store;
    }

    @Override
    public Map<Long, Map<String, String>> statuses(long workspaceId, Collection<Long> contactIds) {
        return store.statuses(workspaceId, contactIds);
    }

    /** Every channel, {@code none} where nothing is stored, so a template can test any of them. */
    @Override
    public Map<Long, Map<String, Object>> preferences(long workspaceId, Collection<Long> contactIds) {
        Map<Long, Map<String, String>> stored = store.statuses(workspaceId, contactIds);
        Map<Long, Map<String, Object>> out = new HashMap<>();
        for (long id : contactIds) {
            out.put(id, Map.of("subscriptions", ContactSubscriptions.everyChannel(stored.getOrDefault(id, Map.of()))));
        }
        return out;
    }
}
