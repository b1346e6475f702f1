package dev.tendril.content;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Where templates read a contact's message engagement ({@code engagement.lastOpenAt},
 * {@code lastClickAt}, {@code messagesReceived}). The channel module, which tracks deliveries, opens
 * and clicks, implements it; until then the keys render empty.
 */
public interface EngagementHistory {
    /** The engagement of those of these contacts that have any, read in one go. */
    Map<Long, Engagement> engagement(long workspaceId, Collection<Long> contactIds);

    record Engagement(Instant lastOpenAt, Instant lastClickAt, Integer messagesReceived) {}
}
