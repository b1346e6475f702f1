package dev.tendril.event.internal;

import dev.tendril.platform.InvalidInputException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Validates Segment calls (a single call or a batch) and turns them into {@link TrackingCall}s. Any
 * invalid call rejects the whole request, naming the field ({@code batch[3].event}), so nothing is half-stored.
 */
final class TrackingParser {
    static final Set<String> TYPES = Set.of("identify", "track", "page", "screen", "group", "alias");
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Duration MAX_FUTURE = Duration.ofDays(1);
    /** How far ahead of its arrival a time given in a call may be at all (a client clock years off is a bug). */
    private static final Duration LATEST_AHEAD = Duration.ofDays(366);
    private static final int MAX_ID = 255;
    /** Event and page names are indexed with the contact and time: a btree entry must fit a third of a page. */
    private static final int MAX_NAME = 500;

    private TrackingParser() {}

    /** A single call; {@code type} comes from the endpoint. */
    static TrackingCall single(Map<String, Object> body, String type, Instant receivedAt) {
        return message(body, type, "", null, Map.of(), receivedAt);
    }

    /** A {@code /v1/batch} or {@code /v1/import} body: {@code {"batch": [...], "sentAt", "context"}}. */
    static List<TrackingCall> batch(Map<String, Object> body, Instant receivedAt) {
        if (!(body.get("batch") instanceof List<?> calls)) {
            throw new InvalidInputException("batch", "must be an array of calls");
        }
        Instant sentAt = instant(body.get("sentAt"), "sentAt", receivedAt);
        Map<String, Object> context = object(body.get("context"), "context");
        List<TrackingCall> out = new ArrayList<>(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            String path = "batch[" + i + "].";
            if (!(calls.get(i) instanceof Map<?, ?> raw)) {
                throw new InvalidInputException("batch[" + i + "]", "must be an object");
            }
            @SuppressWarnings("unchecked") Map<String, Object> call = (Map<String, Object>) raw;
            out.add(message(call, null, path, sentAt, context == null ? Map.of() : context, receivedAt));
        }
        return out;
    }

    private static TrackingCall message(Map<String, Object> call, String impliedType, String path, Instant batchSentAt,
            Map<String, Object> batchContext, Instant receivedAt) {
        String type = impliedType != null ? impliedType : string(call.get("type"), path + "type");
        if (type == null || !TYPES.contains(type)) {
            throw new InvalidInputException(path + "type", "must be one of identify, track, page, screen, group, alias");
        }
        String userId = id(call.get("userId"), path + "userId");
        String anonymousId = id(call.get("anonymousId"), path + "anonymousId");
        String messageId = id(call.get("messageId"), path + "messageId");
        if (userId == null && anonymousId == null && !type.equals("alias")) {
            throw new InvalidInputException(path + "userId", "userId or anonymousId is required");
        }
        String name = switch (type) {
            case "track" -> required(name(call.get("event"), path + "event"), path + "event");
            case "page", "screen" -> name(call.get("name"), path + "name");
            case "group" -> required(id(call.get("groupId"), path + "groupId"), path + "groupId");
            case "alias" -> {
                required(userId, path + "userId");
                yield required(id(call.get("previousId"), path + "previousId"), path + "previousId");
            }
            default -> null;
        };
        Map<String, Object> properties = object(call.get("properties"), path + "properties");
        Map<String, Object> traits = object(call.get("traits"), path + "traits");
        Map<String, Object> context = object(call.get("context"), path + "context");
        if (!batchContext.isEmpty()) {
            Map<String, Object> merged = new LinkedHashMap<>(batchContext);
            if (context != null) {
                merged.putAll(context);
            }
            context = merged;
        }
        if (traits == null && context != null && context.get("traits") instanceof Map<?, ?> contextTraits && type.equals("identify")) {
            @SuppressWarnings("unchecked") Map<String, Object> t = (Map<String, Object>) contextTraits;
            traits = t;
        }
        Map<String, Object> integrations = object(call.get("integrations"), path + "integrations");
        Instant original = instant(call.get("timestamp"), path + "timestamp", receivedAt);
        if (original == null) {
            original = instant(call.get("originalTimestamp"), path + "originalTimestamp", receivedAt);
        }
        Instant sentAt = instant(call.get("sentAt"), path + "sentAt", receivedAt);
        sentAt = sentAt != null ? sentAt : batchSentAt;
        Instant timestamp = ClockSkew.correct(original, sentAt, receivedAt);
        if (timestamp.isBefore(EARLIEST)) {
            throw new InvalidInputException(path + "timestamp", "is before the year 2000");
        }
        if (timestamp.isAfter(receivedAt.plus(MAX_FUTURE))) {
            timestamp = receivedAt; // a clock far ahead without sentAt: the arrival time is the best guess
        }
        return new TrackingCall(type, messageId != null ? messageId : UUID.randomUUID().toString(), userId, anonymousId,
                name, pagePath(type, properties, context), properties, traits, context, integrations, timestamp, original, sentAt);
    }

    private static String pagePath(String type, Map<String, Object> properties, Map<String, Object> context) {
        if (!type.equals("page") && !type.equals("screen")) {
            return null;
        }
        if (properties != null && properties.get("path") instanceof String p) {
            return p;
        }
        if (properties != null && properties.get("url") instanceof String url) {
            try {
                return URI.create(url).getPath();
            } catch (IllegalArgumentException e) {
                return url;
            }
        }
        if (context != null && context.get("page") instanceof Map<?, ?> page && page.get("path") instanceof String p) {
            return p;
        }
        return null;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        return value;
    }

    private static String string(Object value, String field) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new InvalidInputException(field, "must be a string");
    }

    private static String name(Object value, String field) {
        String name = string(value, field);
        if (name != null && name.length() > MAX_NAME) {
            throw new InvalidInputException(field, "is longer than " + MAX_NAME + " characters");
        }
        return name;
    }

    /** Segment ids may arrive as numbers; they are kept as text. */
    private static String id(Object value, String field) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            if (s.length() > MAX_ID) {
                throw new InvalidInputException(field, "is longer than " + MAX_ID + " characters");
            }
            return s.isEmpty() ? null : s;
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        throw new InvalidInputException(field, "must be a string");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String field) {
        if (value == null || value instanceof Map) {
            return (Map<String, Object>) value;
        }
        throw new InvalidInputException(field, "must be an object");
    }

    /** A time given in a call, between 2000 and a year after its arrival, so the clock-skew arithmetic stays in range. */
    private static Instant instant(Object value, String field, Instant receivedAt) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw new InvalidInputException(field, "must be an ISO-8601 date-time string");
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                at = Instant.parse(s);
            } catch (DateTimeParseException e2) {
                throw new InvalidInputException(field, "must be an ISO-8601 date-time such as 2026-11-24T10:15:30Z");
            }
        }
        if (at.isBefore(EARLIEST) || at.isAfter(receivedAt.plus(LATEST_AHEAD))) {
            throw new InvalidInputException(field, "must be between 2000-01-01 and a year from now");
        }
        return at;
    }
}
