package dev.tendril.condition.internal;

import dev.tendril.condition.Comparison.Kind;
import dev.tendril.condition.Comparison;
import dev.tendril.condition.DateBound;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How values compare, the one definition both backends follow: each kind reduces a value to a key
 * (text lower-cased, numbers as decimals, dates as their UTC day {@code YYYY-MM-DD}, compared as text),
 * and a value that has no key of the compared kind matches nothing.
 */
public final class ComparisonKeys {
    /** Text that is a date: a day, or a day followed by a time. The SQL compiler binds the same pattern. */
    public static final String DATE_SHAPE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}($|T)";
    private static final Pattern DATE = Pattern.compile(DATE_SHAPE);

    private ComparisonKeys() {}

    /** The value's key for this kind, or null when it is not a value of that kind. */
    static Comparable<?> key(Kind kind, Object value) {
        return switch (kind) {
            case TEXT -> value instanceof String s ? s.toLowerCase(Locale.ROOT) : null;
            case NUMBER -> value instanceof BigDecimal d ? d : value instanceof Number n ? new BigDecimal(n.toString()) : null;
            case BOOLEAN -> value instanceof Boolean b ? b : null;
            case DATE -> day(value);
            case ANY -> null;
        };
    }

    private static String day(Object value) {
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        if (value instanceof Instant i) {
            return LocalDate.ofInstant(i, ZoneOffset.UTC).toString();
        }
        if (value instanceof String s && DATE.matcher(s).find()) {
            return s.substring(0, 10);
        }
        return null;
    }

    /** The operands as keys: text lower-cased, date bounds resolved to their UTC day. */
    public static List<Comparable<?>> operands(Comparison comparison, Instant now) {
        return comparison.operands().stream().<Comparable<?>>map(o -> switch (o) {
            case String s -> s.toLowerCase(Locale.ROOT);
            case DateBound b -> b.day(now).toString();
            case BigDecimal d -> d;
            case Boolean b -> b;
            default -> throw new IllegalArgumentException("not an operand: " + o);
        }).toList();
    }

    /**
     * The {@code MM-DD} days that are an anniversary today: today's, and on 28 February of a common
     * year also 29 February, so leap-day birthdays are celebrated every year.
     */
    public static List<String> anniversaries(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        String mmdd = today.toString().substring(5);
        return mmdd.equals("02-28") && !today.isLeapYear() ? List.of(mmdd, "02-29") : List.of(mmdd);
    }
}
