package dev.tendril.segment.internal;

import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.not;
import static org.jooq.impl.DSL.or;
import static org.jooq.impl.DSL.val;

import dev.tendril.segment.Comparison;
import dev.tendril.segment.Comparison.Kind;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Field;

/**
 * One comparison as a SQL predicate, following {@link Values} exactly: every predicate is two-valued
 * (never NULL), so NOT and the negated operators mean the same as in memory.
 */
final class CompileComparison {
    /** Where the compared value lives: a typed column, or a jsonb value (custom attribute, event property). */
    sealed interface Source {}

    record ColumnSource(Field<?> sql, Kind kind) implements Source {}

    record JsonSource(Field<?> jsonb) implements Source {}

    private CompileComparison() {}

    static Condition compile(Comparison cmp, Source source, Instant now) {
        List<Comparable<?>> ops = Values.operands(cmp, now);
        Function<Field<?>, Condition> equalsAny = key -> or(ops.stream().map(o -> condition("{0} = {1}", key, val(o))).toList());
        return switch (cmp.op()) {
            case EXISTS -> exists(source);
            case IS_EMPTY -> not(exists(source)).or(empty(source));
            case EQ, IN -> any(cmp.kind(), source, equalsAny);
            case NEQ, NOT_IN -> not(any(cmp.kind(), source, equalsAny));
            case CONTAINS -> any(cmp.kind(), source, key -> condition("strpos({0}, {1}) > 0", key, val(ops.getFirst())));
            case STARTS_WITH -> any(cmp.kind(), source, key -> affix("left", key, (String) ops.getFirst()));
            case ENDS_WITH -> any(cmp.kind(), source, key -> affix("right", key, (String) ops.getFirst()));
            case GT -> any(cmp.kind(), source, key -> order(key, ">", ops.getFirst(), cmp.kind()));
            case GTE -> any(cmp.kind(), source, key -> order(key, ">=", ops.getFirst(), cmp.kind()));
            case LT -> any(cmp.kind(), source, key -> order(key, "<", ops.getFirst(), cmp.kind()));
            case LTE -> any(cmp.kind(), source, key -> order(key, "<=", ops.getFirst(), cmp.kind()));
            case BETWEEN -> any(cmp.kind(), source,
                    key -> order(key, ">=", ops.get(0), cmp.kind()).and(order(key, "<=", ops.get(1), cmp.kind())));
            case ANNIVERSARY -> any(cmp.kind(), source, key -> or(Values.anniversaries(now).stream()
                    .map(mmdd -> condition("substr({0}, 6, 5) = {1}", key, val(mmdd))).toList()));
        };
    }

    private static Condition affix(String side, Field<?> key, String text) {
        return condition(side + "({0}, {1}) = {2}", key, val(text.codePointCount(0, text.length())), val(text));
    }

    private static Condition order(Field<?> key, String operator, Object operand, Kind kind) {
        // Dates compare as YYYY-MM-DD text; byte order keeps that independent of the database's collation.
        String template = kind == Kind.DATE ? "{0} collate \"C\" " + operator + " {1}" : "{0} " + operator + " {1}";
        return condition(template, key, val(operand));
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
    private static Condition any(Kind kind, Source source, Function<Field<?>, Condition> test) {
        return switch (source) {
            case ColumnSource c -> twoValued(test.apply(columnKey(kind, c.sql())));
            case JsonSource j -> twoValued(condition(
                    "case when jsonb_typeof({0}) = 'array' then exists (select 1 from jsonb_array_elements({0}) as el(v) where {1}) else {2} end",
                    j.jsonb(), test.apply(jsonKey(kind, field("el.v"))), test.apply(jsonKey(kind, j.jsonb()))));
        };
    }

    private static Condition twoValued(Condition c) {
        return condition("coalesce({0}, false)", c);
    }

    private static Field<?> columnKey(Kind kind, Field<?> column) {
        return kind == Kind.TEXT ? field("lower({0})", column) : column;
    }

    private static Field<?> jsonKey(Kind kind, Field<?> j) {
        return switch (kind) {
            case TEXT -> field("case when jsonb_typeof({0}) = 'string' then lower(jsonb_build_array({0}) ->> 0) end", j);
            case NUMBER -> field("case when jsonb_typeof({0}) = 'number' then ({0})::text::numeric end", j);
            case BOOLEAN -> field("case when jsonb_typeof({0}) = 'boolean' then ({0})::text::boolean end", j);
            case DATE -> field("case when jsonb_typeof({0}) = 'string' and (jsonb_build_array({0}) ->> 0) ~ {1} "
                    + "then left(jsonb_build_array({0}) ->> 0, 10) end", j, inline(Values.DATE_SHAPE));
            case ANY -> field("null");
        };
    }
}
