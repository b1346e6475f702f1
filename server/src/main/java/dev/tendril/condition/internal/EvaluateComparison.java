package dev.tendril.condition.internal;

import dev.tendril.condition.Comparison;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * One comparison against one value, in memory. A list matches when any element matches; {@code neq}
 * and {@code not_in} are the exact negations of {@code eq} and {@code in}, so a missing value matches them.
 */
final class EvaluateComparison {
    private EvaluateComparison() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    static boolean test(Comparison cmp, Object value, Instant now) {
        List<Comparable<?>> ops = ComparisonKeys.operands(cmp, now);
        Predicate<Comparable> equalsAny = key -> ops.stream().anyMatch(o -> key.compareTo(o) == 0);
        return switch (cmp.op()) {
            case EXISTS -> value != null;
            case IS_EMPTY -> value == null || "".equals(value) || value instanceof List<?> l && l.isEmpty();
            case EQ, IN -> any(cmp, value, equalsAny);
            case NEQ, NOT_IN -> !any(cmp, value, equalsAny);
            case CONTAINS -> any(cmp, value, key -> ((String) key).contains((String) ops.getFirst()));
            case STARTS_WITH -> any(cmp, value, key -> ((String) key).startsWith((String) ops.getFirst()));
            case ENDS_WITH -> any(cmp, value, key -> ((String) key).endsWith((String) ops.getFirst()));
            case GT -> any(cmp, value, key -> key.compareTo(ops.getFirst()) > 0);
            case GTE -> any(cmp, value, key -> key.compareTo(ops.getFirst()) >= 0);
            case LT -> any(cmp, value, key -> key.compareTo(ops.getFirst()) < 0);
            case LTE -> any(cmp, value, key -> key.compareTo(ops.getFirst()) <= 0);
            case BETWEEN -> any(cmp, value, key -> key.compareTo(ops.get(0)) >= 0 && key.compareTo(ops.get(1)) <= 0);
            case ANNIVERSARY -> any(cmp, value, key -> ComparisonKeys.anniversaries(now).contains(((String) key).substring(5, 10)));
        };
    }

    @SuppressWarnings("rawtypes")
    private static boolean any(Comparison cmp, Object value, Predicate<Comparable> test) {
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(element -> keyed(cmp, element, test));
        }
        return keyed(cmp, value, test);
    }

    @SuppressWarnings("rawtypes")
    private static boolean keyed(Comparison cmp, Object value, Predicate<Comparable> test) {
        Comparable key = ComparisonKeys.key(cmp.kind(), value);
        return key != null && test.test(key);
    }
}
