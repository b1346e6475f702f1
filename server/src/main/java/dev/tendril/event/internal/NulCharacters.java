package dev.tendril.event.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's text and jsonb cannot hold the NUL character, and a Segment client that sends one (a C string, a binary
 * blob pasted into a property) must not have its whole batch refused and retried for ever: every NUL in a call's
 * strings and keys becomes U+FFFD, the replacement character, before the call is read.
 */
final class NulCharacters {
    static final char NUL = '\u0000';
    static final char REPLACEMENT = '\uFFFD';

    private NulCharacters() {}

    /** The value with every NUL replaced; the same instance when it holds none (the common case copies nothing). */
    static Object replace(Object value) {
        return holdsNul(value) ? replaced(value) : value;
    }

    private static boolean holdsNul(Object value) {
        return switch (value) {
            case String s -> s.indexOf(NUL) >= 0;
            case Map<?, ?> map -> map.entrySet().stream().anyMatch(e -> holdsNul(e.getKey()) || holdsNul(e.getValue()));
            case List<?> list -> list.stream().anyMatch(NulCharacters::holdsNul);
            case null, default -> false;
        };
    }

    private static Object replaced(Object value) {
        return switch (value) {
            case String s -> s.replace(NUL, REPLACEMENT);
            case Map<?, ?> map -> {
                Map<String, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> out.put((String) replaced(k), replaced(v)));
                yield out;
            }
            case List<?> list -> {
                List<Object> out = new ArrayList<>(list.size());
                list.forEach(item -> out.add(replaced(item)));
                yield out;
            }
            case null, default -> value;
        };
    }
}
