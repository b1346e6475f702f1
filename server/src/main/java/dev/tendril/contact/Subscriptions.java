package dev.tendril.contact;

import dev.tendril.contact.internal.SubscriptionStore;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Consent: a contact's subscription status per channel, as conditions ({@code subscription}) and templates
 * ({@code preferences.subscriptions.email}) read it. Statuses are set through
 * {@code /api/v1/contacts/{id}/subscriptions/{channel}}; each real change is published as {@link SubscriptionChanged}.
 */
@Service
public class Subscriptions {
    public static final List<String> CHANNELS = List.of("email", "sms", "push");
    /** Every status a condition may test; {@link #NONE} is never stored. */
    public static final List<String> STATUSES = List.of("subscribed", "pending", "unsubscribed", "bounced", "complained", "none");
    /** The status of a channel for which nothing was ever set. */
    public static final String NONE = "none";

    private final SubscriptionStore store;

    Subscriptions(SubscriptionStore store) {
        this.store = store;
    }

    /** Every channel in {@link #CHANNELS} order, with its stored status or {@link #NONE}. */
    public static Map<String, String> everyChannel(Map<String, String> stored) {
        Map<String, String> out = new LinkedHashMap<>();
        CHANNELS.forEach(c -> out.put(c, stored.getOrDefault(c, NONE)));
        return out;
    }

    /** Channel to status of those of these contacts with any stored status, in one query. */
    public Map<Long, Map<String, String>> statuses(long workspaceId, Collection<Long> contactIds) {
        return store.statuses(workspaceId, contactIds);
    }
}
