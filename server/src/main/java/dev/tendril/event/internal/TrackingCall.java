package dev.tendril.event.internal;

import dev.tendril.contact.IdentityRef;
import java.time.Instant;
import java.util.Map;

/**
 * One validated Segment call. {@code timestamp} is already corrected for the client's clock skew;
 * {@code name} is the track event's name, the page or screen name, the group id or the alias's previous id.
 */
record TrackingCall(String type, String messageId, String userId, String anonymousId, String name, String path,
        Map<String, Object> properties, Map<String, Object> traits, Map<String, Object> context,
        Map<String, Object> integrations, Instant timestamp, Instant originalTimestamp, Instant sentAt) {

    /** Who sent it; an identify's email trait also names a known contact. */
    IdentityRef identityRef() {
        String email = type.equals("identify") && traits != null && traits.get("email") instanceof String e ? e.strip().toLowerCase() : null;
        return new IdentityRef(userId, anonymousId, email);
    }

    boolean isActivity() {
        return type.equals("track") || type.equals("page") || type.equals("screen");
    }
}
