package dev.tendril.content.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * The comparison helpers' semantics: numbers compare as decimals ({@code 12.0} equals {@code 12}),
 * text case-insensitively as in the condition language, and anything else by its text. Truthiness is
 * Handlebars': null, false, zero, blank text and empty lists or maps are false.
 */
final class Comparisons {
    private Comparisons() {}

    static boolean eq(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        if (x != null && y != null) {
            return x.compareTo(y) == 0;
        }
        return text(a).equals(text(b));
    }

    /** Negative, zero or positive as {@code a} is less than, equal to or greater than {@code b}; null when either is missing. */
    static Integer compare(Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        if (x != null && y != null) {
            return x.compareTo(y);
        }
        return text(a).compareTo(text(b));
    }

    static boolean gt(Object a, Object b) {
        Integer c = compare(a, b);
        return c != null && c > 0;
    }

    static boolean gte(Object a, Object b) {
        Integer c = compare(a, b);
        return c != null && c >= 0;
    }

    static boolean lt(Object a, Object b) {
        Integer c = compare(a, b);
        return c != null && c < 0;
    }

    static boolean lte(Object a, Object b) {
        Integer c = compare(a, b);
        return c != null && c <= 0;
    }

    /** A list holds an element equal to the value, or a text holds it as a substring (ignoring case). */
    static boolean contains(Object container, Object value) {
        if (container == null || value == null) {
            return false;
        }
        if (container instanceof Collection<?> list) {
            return list.stream().anyMatch(e -> eq(e, value));
        }
        if (container instanceof Map<?, ?> map) {
            return map.containsKey(String.valueOf(value));
        }
        return text(container).contains(text(value));
    }

    static boolean truthy(Object value) {
        return switch (value) {
            case null -> false;
            case Boolean b -> b;
            case Number n -> number(n).signum() != 0;
            default -> ModelValues.present(value);
        };
    }

    private static String text(Object value) {
        return String.valueOf(value).toLowerCase(Locale.ROOT);
    }

    static BigDecimal number(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Number n) {
            return n instanceof Double || n instanceof Float ? BigDecimal.valueOf(n.doubleValue()) : new BigDecimal(n.toString());
        }
        return null;
    }
}
