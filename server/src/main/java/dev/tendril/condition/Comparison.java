package dev.tendril.condition;

import java.util.List;

/**
 * One test of a value: an operator, the kind the value is compared as, and the operands (a
 * {@code String} for text, a {@code BigDecimal} for numbers, a {@code Boolean}, or a {@link DateBound}
 * for dates). {@code between} has two operands, {@code in}/{@code not_in} one or more, {@code exists},
 * {@code is_empty} and {@code anniversary} none, every other operator one.
 */
public record Comparison(Op op, Kind kind, List<Object> operands) {
    public Comparison {
        operands = List.copyOf(operands);
    }

    public enum Op {
        EQ, NEQ, CONTAINS, STARTS_WITH, ENDS_WITH, IN, NOT_IN, GT, GTE, LT, LTE, BETWEEN, EXISTS, IS_EMPTY, ANNIVERSARY;

        /** The name used in JSON, e.g. {@code starts_with}. */
        public String jsonName() {
            return name().toLowerCase();
        }
    }

    /** What a value is compared as; a value of another kind never matches (except under neq / not_in). */
    public enum Kind { TEXT, NUMBER, BOOLEAN, DATE, ANY }
}
