package dev.tendril.condition.internal;

import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.not;
import static org.jooq.impl.DSL.or;
import static org.jooq.impl.DSL.val;

import dev.tendril.condition.Comparison.Kind;
import dev.tendril.condition.Comparison;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jooq.Condition;
import org.jooq.Field;

/**
 * One comparison as a SQL predicate, following {@link ComparisonKeys} exactly: every predicate is two-valued
 * (never NULL), so NOT and the negated operators mean the same as in memory.
 */
final class CompileComparison {
    /** Where the compared value lives: a typed column, or a jsonb value (custom attribute, event property). */
    sealed interface Source {}

    record ColumnSource(Field<?> sql, Kind kind) implements Source {}

    record JsonSource(Field<?> jsonb) implements Source {}

    private CompileComparison() {}

    static Condition compile(Comparison cmp, Source source, Instant now) {
        List<Comparable<?>> ops = ComparisonKeys.operands(cmp, now);
        Kind kind = cmp.kind();
        return switch (cmp.op()) {
            case EXISTS -> exists(source);
            case IS_EMPTY -> not(exists(source)).or(empty(source));
            case EQ, IN -> any(kind, source, new EqualsAny(ops));
            case NEQ, NOT_IN -> not(any(kind, source, new EqualsAny(ops)));
            case CONTAINS -> any(kind, source, new LikeAny(List.of("%" + likeText(ops.getFirst()) + "%")));
            case STARTS_WITH -> any(kind, source, new LikeAny(List.of(likeText(ops.getFirst()) + "%")));
            case ENDS_WITH -> any(kind, source, new LikeAny(List.of("%" + likeText(ops.getFirst()))));
            case GT -> any(kind, source, new Order(">", "<", ops.getFirst(), kind));
            case GTE -> any(kind, source, new Order(">=", "<=", ops.getFirst(), kind));
            case LT -> any(kind, source, new Order("<", ">", ops.getFirst(), kind));
            case LTE -> any(kind, source, new Order("<=", ">=", ops.getFirst(), kind));
            case BETWEEN -> any(kind, source, new Between(ops.get(0), ops.get(1), kind));
            // A date key is YYYY-MM-DD: its month and day are the characters 6 to 10.
            case ANNIVERSARY -> any(kind, source, new LikeAny(ComparisonKeys.anniversaries(now).stream().map(mmdd -> "_____" + mmdd).toList()));
        };
    }

    /**
     * A test of one key, written twice: on a key, and on an array of keys (true when it holds for any of them)
     * without a subquery of its own, so that a query testing arrays may still run in parallel.
     */
    private sealed interface KeyTest {
        Condition on(Field<?> key);

        Condition onAny(Field<?> keys);
    }

    private record EqualsAny(List<Comparable<?>> operands) implements KeyTest {
        public Condition on(Field<?> key) {
            return or(operands.stream().map(o -> condition("{0} = {1}", key, val(o))).toList());
        }

        public Condition onAny(Field<?> keys) {
            return or(operands.stream().map(o -> condition("{0} = any({1})", val(o), keys)).toList());
        }
    }

    /** Text keys matching any of the LIKE patterns (text operands are keys already: lower-cased). */
    private record LikeAny(List<String> patterns) implements KeyTest {
        public Condition on(Field<?> key) {
            return or(patterns.stream().map(p -> condition("{0} like {1}", key, val(p))).toList());
        }

        public Condition onAny(Field<?> keys) {
            return or(patterns.stream().map(p -> condition("tendril_any_like({0}, {1})", keys, val(p))).toList());
        }
    }

    /** {@code key operator operand}; on an array, {@code operand mirrored any(keys)}. */
    private record Order(String operator, String mirrored, Object operand, Kind kind) implements KeyTest {
        public Condition on(Field<?> key) {
            return condition("{0} " + operator + " {1}", byteOrder(key, kind), val(operand));
        }

        public Condition onAny(Field<?> keys) {
            return condition("{0} " + mirrored + " any({1})", byteOrder(val(operand), kind), keys);
        }
    }

    private record Between(Object low, Object high, Kind kind) implements KeyTest {
        public Condition on(Field<?> key) {
            return new Order(">=", "<=", low, kind).on(key).and(new Order("<=", ">=", high, kind).on(key));
        }

        public Condition onAny(Field<?> keys) {
            return condition("tendril_any_between({0}, {1}, {2})", keys, byteOrder(val(low), kind), byteOrder(val(high), kind));
        }
    }

    /** Dates compare as YYYY-MM-DD text; byte order keeps that independent of the database's collation. */
    private static Field<?> byteOrder(Field<?> value, Kind kind) {
        return kind == Kind.DATE ? field("cast({0} as text) collate \"C\"", value) : value;
    }

    /** The text as a LIKE pattern matching only itself. */
    private static String likeText(Object operand) {
        return ((String) operand).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Condition exists(Source source) {
        return switch (source) {
            case ColumnSource c -> c.sql().isNotNull();
            case JsonSource j -> condition("coalesce(jsonb_typeof({0}) <> 'null', false)", j.jsonb());
        };
    }

    private static Condition empty(Source source) {
        return switch (source) {
            case ColumnSource c -> c.kind() == Kind.TEXT ? condition("coalesce({0} = '', false)", c.sql()) : condition("false");
            case JsonSource j -> condition("coalesce({0} in ('\"\"'::jsonb, '[]'::jsonb), false)", j.jsonb());
        };
    }

    /** The test on the value's key; on a jsonb array, on any element's key. */
    private static Condition any(Kind kind, Source source, KeyTest test) {
        return switch (source) {
            case ColumnSource c -> twoValued(test.on(columnKey(kind, c.sql())));
            case JsonSource j -> twoValued(condition("case when jsonb_typeof({0}) = 'array' then {1} else {2} end",
                    j.jsonb(), test.onAny(jsonKey(kind, j.jsonb(), true)), test.on(jsonKey(kind, j.jsonb(), false))));
        };
    }

    private static Condition twoValued(Condition c) {
        return condition("coalesce({0}, false)", c);
    }

    private static Field<?> columnKey(Kind kind, Field<?> column) {
        return kind == Kind.TEXT ? field("lower({0})", column) : column;
    }

    /**
     * The key of a jsonb value, or ({@code ofElements}) the keys of a jsonb array's elements, by the database's
     * functions for them (V31: a key's function is inlined by the planner).
     */
    private static Field<?> jsonKey(Kind kind, Field<?> j, boolean ofElements) {
        String function = "tendril_" + kind.name().toLowerCase(Locale.ROOT) + (ofElements ? "_keys" : "_key");
        return switch (kind) {
            case TEXT, NUMBER, BOOLEAN -> field(function + "({0})", j);
            case DATE -> field(function + "({0}, {1})", j, inline(ComparisonKeys.DATE_SHAPE));
            case ANY -> throw new IllegalArgumentException("a comparison of any kind has no key");
        };
    }
}
