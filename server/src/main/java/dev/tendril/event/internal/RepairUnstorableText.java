package dev.tendril.event.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Repairs what PostgreSQL cannot store ({@link dev.tendril.platform.StorableText}) in a tracking call's strings and keys,
 * with U+FFFD, before the call is read: a Segment client that sends a NUL (a C string, a binary blob pasted into a
 * property) or a lone surrogate must not have its whole batch refused and retried for ever.
 */
final class RepairUnstorableText {
    private RepairUnstorableText() {}

    /** The value with every such character replaced; the same instance when it holds none (the common case copies nothing). */
    static Object repaired(Object value) {
        return needsRepair(value) ? copyRepaired(value) : value;
    }

    private static boolean needsRepair(Object value) {
        return switch (value) {
            case String s -> dev.tendril.platform.StorableText.firstUnstorable(s) >= 0;
            case Map<?, ?> map -> map.entrySet().stream().anyMatch(e -> needsRepair(e.getKey()) || needsRepair(e.getValue()));
            case List<?> list -> list.stream().anyMatch(RepairUnstorableText::needsRepair);
            case null, default -> false;
        };
    }

    private static Object copyRepaired(Object value) {
        return switch (value) {
            case String s -> dev.tendril.platform.StorableText.repaired(s);
            case Map<?, ?> map -> {
                Map<String, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> out.put((String) copyRepaired(k), copyRepaired(v)));
                yield out;
            }
            case List<?> list -> {
                List<Object> out = new ArrayList<>(list.size());
                list.forEach(item -> out.add(copyRepaired(item)));
                yield out;
            }
            case null, default -> value;
        };
    }
}
