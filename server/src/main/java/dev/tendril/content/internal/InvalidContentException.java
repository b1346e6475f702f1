package dev.tendril.content.internal;

import dev.tendril.platform.InvalidInputException;
import java.util.List;

/** A template or block that failed validation: a 400 whose errors carry line and column. */
final class InvalidContentException extends InvalidInputException {
    private final List<Problem> problems;

    InvalidContentException(List<Problem> problems) {
        super(problems.stream().map(p -> new FieldError(p.field(), p.describe())).toList());
        this.problems = List.copyOf(problems);
    }

    List<Problem> problems() {
        return problems;
    }
}
