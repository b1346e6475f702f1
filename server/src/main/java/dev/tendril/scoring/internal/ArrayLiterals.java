package dev.tendril.scoring.internal;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/**
 * PostgreSQL array literals ({@code {1,2}}, {@code {"a","b"}}) for one row's arrays in a batched statement,
 * built directly: a workspace rescore writes several per contact.
 */
final class ArrayLiterals {
    private ArrayLiterals() {}

    static <T> String numbers(List<T> items, ToDoubleFunction<T> value) {
        StringBuilder out = new StringBuilder(items.size() * 6 + 2).append('{');
        for (int i = 0; i < items.size(); i++) {
            number(out.append(i == 0 ? "" : ","), value.applyAsDouble(items.get(i)));
        }
        return out.append('}').toString();
    }

    static <T> String integers(List<T> items, ToIntFunction<T> value) {
        StringBuilder out = new StringBuilder(items.size() * 4 + 2).append('{');
        for (int i = 0; i < items.size(); i++) {
            out.append(i == 0 ? "" : ",").append(value.applyAsInt(items.get(i)));
        }
        return out.append('}').toString();
    }

    /** Every element quoted, so commas, braces, blanks and the word NULL stay text. */
    static <T> String texts(List<T> items, Function<T, String> value) {
        StringBuilder out = new StringBuilder().append('{');
        for (int i = 0; i < items.size(); i++) {
            out.append(i == 0 ? "\"" : ",\"").append(value.apply(items.get(i)).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return out.append('}').toString();
    }

    /**
     * Scores are rounded to hundredths ({@link ScoreCalculator#round}): those are written as fixed-point
     * decimals, which PostgreSQL reads back as the same double, without Java's shortest-repr search.
     */
    static void number(StringBuilder out, double value) {
        long hundredths = Math.round(value * 100);
        if (hundredths / 100.0 != value || Math.abs(hundredths) > 1L << 50) {
            out.append(value);
            return;
        }
        long whole = Math.abs(hundredths);
        out.append(hundredths < 0 ? "-" : "").append(whole / 100).append('.');
        long cents = whole % 100;
        out.append(cents < 10 ? "0" : "").append(cents);
    }
}
