package dev.tendril.scoring.internal;

import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** PostgreSQL array literals ({@code {1,2}}, {@code {"a","b"}}) for one row's arrays in a batched statement. */
final class ArrayLiterals {
    private ArrayLiterals() {}

    static String numbers(DoubleStream values) {
        return values.mapToObj(Double::toString).collect(Collectors.joining(",", "{", "}"));
    }

    static String integers(IntStream values) {
        return values.mapToObj(Integer::toString).collect(Collectors.joining(",", "{", "}"));
    }

    /** Every element quoted, so commas, braces, blanks and the word NULL stay text. */
    static String texts(Stream<String> values) {
        return values.map(v -> '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"').collect(Collectors.joining(",", "{", "}"));
    }
}
