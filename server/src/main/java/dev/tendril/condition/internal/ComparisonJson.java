package dev.tendril.condition.internal;

import dev.tendril.condition.Comparison.Kind;
import dev.tendril.condition.Comparison.Op;
import dev.tendril.condition.Comparison;
import dev.tendril.condition.DateBound;
import dev.tendril.platform.JsonField;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code op} and its operands ({@code value}, {@code days}) into a {@link Comparison}. A typed
 * field fixes the kind; for custom attributes and event properties the operator and the value decide
 * it (a number compares numerically, a {@code YYYY-MM-DD} text or {@code {"daysAgo": N}} as a date).
 */
final class ComparisonJson {
    static final Set<String> KEYS = Set.of("op", "value", "days");
    private static final Set<Op> ORDERING = EnumSet.of(Op.GT, Op.GTE, Op.LT, Op.LTE, Op.BETWEEN);
    private static final Set<Op> EQUALITY = EnumSet.of(Op.EQ, Op.NEQ, Op.IN, Op.NOT_IN);
    private static final List<String> OPS = List.of("eq", "neq", "contains", "starts_with", "ends_with", "in", "not_in", "gt",
            "gte", "lt", "lte", "between", "exists", "is_empty", "before", "after", "within_last", "anniversary");

    private ComparisonJson() {}

    /** {@code fixed} is the field's kind, or null when the value decides. */
    static Comparison parse(JsonField in, Kind fixed) {
        JsonField opNode = in.get("op");
        String name = opNode.text();
        if (!OPS.contains(name)) {
            throw opNode.error("must be one of " + String.join(", ", OPS));
        }
        JsonField value = in.get("value");
        return switch (name) {
            case "exists" -> valueless(in, Op.EXISTS, Kind.ANY);
            case "is_empty" -> valueless(in, Op.IS_EMPTY, Kind.ANY);
            case "anniversary" -> valueless(in, Op.ANNIVERSARY, date(opNode, fixed));
            case "within_last" -> {
                date(opNode, fixed);
                yield new Comparison(Op.BETWEEN, Kind.DATE, List.of(new DateBound.DaysAgo(JsonDates.days(in.get("days"))), new DateBound.DaysAgo(0)));
            }
            case "before" -> new Comparison(Op.LT, date(opNode, fixed), List.of(JsonDates.dateBound(value)));
            case "after" -> new Comparison(Op.GT, date(opNode, fixed), List.of(JsonDates.dateBound(value)));
            default -> compare(Op.valueOf(name.toUpperCase()), opNode, value, fixed);
        };
    }

    private static Comparison valueless(JsonField in, Op op, Kind kind) {
        if (in.has("value")) {
            throw in.get("value").error("is not used by " + op.jsonName());
        }
        return new Comparison(op, kind, List.of());
    }

    private static Kind date(JsonField op, Kind fixed) {
        if (fixed != null && fixed != Kind.DATE) {
            throw op.error("compares dates; this field holds " + fixed.name().toLowerCase());
        }
        return Kind.DATE;
    }

    private static Comparison compare(Op op, JsonField opNode, JsonField value, Kind fixed) {
        List<JsonField> items = new ArrayList<>();
        if (op == Op.IN || op == Op.NOT_IN || op == Op.BETWEEN) {
            if (value.missing() || !value.node().isArray() || value.node().isEmpty()) {
                throw value.error(op == Op.BETWEEN ? "must be a list of two values [from, to]" : "must be a non-empty list");
            }
            if (op == Op.BETWEEN && value.node().size() != 2) {
                throw value.error("must be a list of two values [from, to]");
            }
            for (int i = 0; i < value.node().size(); i++) {
                items.add(value.at(i));
            }
        } else {
            items.add(value);
        }
        Kind kind = fixed != null ? fixed : switch (op) {
            case CONTAINS, STARTS_WITH, ENDS_WITH -> Kind.TEXT;
            default -> infer(items);
        };
        boolean allowed = switch (kind) {
            case TEXT -> !ORDERING.contains(op);
            case NUMBER -> EQUALITY.contains(op) || ORDERING.contains(op);
            case BOOLEAN -> EQUALITY.contains(op);
            case DATE -> EQUALITY.contains(op) || ORDERING.contains(op);
            case ANY -> false;
        };
        if (!allowed) {
            throw opNode.error(op.jsonName() + " does not apply to " + kind.name().toLowerCase() + " values");
        }
        List<Object> operands = new ArrayList<>();
        for (JsonField item : items) {
            operands.add(operand(item, kind));
        }
        return new Comparison(op, kind, operands);
    }

    private static Kind infer(List<JsonField> items) {
        JsonField first = items.getFirst();
        Kind kind = first.missing() ? null : first.node().isNumber() ? Kind.NUMBER : first.node().isBoolean() ? Kind.BOOLEAN
                : JsonDates.isDateBound(first) ? Kind.DATE : first.node().isString() ? Kind.TEXT : null;
        if (kind == null) {
            throw first.error("must be a string, number, boolean or date");
        }
        if (kind == Kind.DATE && items.stream().anyMatch(i -> !JsonDates.isDateBound(i))) {
            return Kind.TEXT;
        }
        return kind;
    }

    private static Object operand(JsonField item, Kind kind) {
        return switch (kind) {
            case TEXT -> item.text();
            case NUMBER -> {
                if (item.missing() || !item.node().isNumber()) {
                    throw item.error("must be a number");
                }
                yield item.node().decimalValue();
            }
            case BOOLEAN -> {
                if (item.missing() || !item.node().isBoolean()) {
                    throw item.error("must be true or false");
                }
                yield item.node().booleanValue();
            }
            case DATE -> JsonDates.dateBound(item);
            case ANY -> throw item.error("is not used here");
        };
    }
}
