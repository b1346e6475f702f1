package dev.tendril.content.internal;

import java.util.Collection;
import java.util.Map;

/** How template data is read: present values and dotted paths into the personalisation model. */
final class ModelValues {
    private ModelValues() {}

    /** Present means not null, not blank text and not an empty list or map: what a fallback replaces. */
    static boolean present(Object value) {
        return switch (value) {
            case null -> false;
            case CharSequence s -> !s.toString().isBlank();
            case Collection<?> c -> !c.isEmpty();
            case Map<?, ?> m -> !m.isEmpty();
            default -> true;
        };
    }

    /** The value at a dotted path ({@code company.name}) of nested maps; null when any step is missing. */
    static Object at(Map<String, Object> model, String path) {
        Object current = model;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }
}
