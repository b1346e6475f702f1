package dev.tendril.event;

import java.time.Instant;
import java.util.Map;

/** One event of a contact's timeline. */
public record EventView(String id, String type, String name, String messageId, String userId, String anonymousId,
        Instant timestamp, Instant receivedAt, Map<String, Object> properties, Map<String, Object> traits,
        Map<String, Object> context) {}
