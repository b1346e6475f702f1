package dev.tendril.content.internal;

import dev.tendril.platform.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the fields of a JSON request body, answering a 400 that names the field. */
final class BodyFields {
    private BodyFields() {}

    static Map<String, Object> body(Map<String, Object> body) {
        if (body == null) {
            throw new InvalidInputException("body", "must be a JSON object");
        }
        return body;
    }

    /** Text of at most {@code max} characters; null when absent and not required. */
    static String text(Map<String, Object> body, String field, boolean required, int max) {
        Object value = body.get(field);
        if (value == null) {
            if (required) {
                throw new InvalidInputException(field, "is required");
            }
            return null;
        }
        if (!(value instanceof String s)) {
            throw new InvalidInputException(field, "must be text");
        }
        if (s.length() > max) {
            throw new InvalidInputException(field, "must be at most " + max + " characters");
        }
        return s;
    }

    static void onlyKnown(Map<String, Object> body, Set<String> known, String what) {
        for (String key : body.keySet()) {
            if (!known.contains(key)) {
                throw new InvalidInputException(key, "is not a field of " + what + " (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    static List<?> list(Map<String, Object> body, String field, int max) {
        Object value = body.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidInputException(field, "must be a list");
        }
        if (list.size() > max) {
            throw new InvalidInputException(field, "must have at most " + max + " entries");
        }
        return list;
    }
}
