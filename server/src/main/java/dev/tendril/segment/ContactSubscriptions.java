package dev.tendril.segment;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where conditions read a contact's subscription status per channel. The channel module, which owns
 * consent, implements it: it depends on segmentation (through content), so segmentation cannot call
 * it. A channel without a stored status is {@link #NONE}; with no implementation every channel is.
 */
public interface ContactSubscriptions {
    List<String> CHANNELS = List.of("email", "sms", "push");
    /** Every status a condition may test; {@link #NONE} is never stored. */
    List<String> STATUSES = List.of("subscribed", "pending", "unsubscribed", "bounced", "complained", "none");
    String NONE = "none";

    /** Every channel in {@link #CHANNELS} order, with its stored status or {@link #NONE}. */
    static Map<String, String> everyChannel(Map<String, String> stored) {
        Map<String, String> out = new LinkedHashMap<>();
        CHANNELS.forEach(c -> out.put(c, stored.getOrDefault(c, NONE)));
        return out;
    }

    /** Channel to status of those of these contacts with any stored status, in one query. */
    Map<Long, Map<String, String>> statuses(long workspaceId, Collection<Long> contactIds);
}
