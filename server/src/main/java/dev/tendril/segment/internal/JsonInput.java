package dev.tendril.segment.internal;

import dev.tendril.platform.InvalidInputException;
import dev.tendril.segment.DateBound;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** A JSON node with the path that names it in errors, e.g. {@code condition.and[1].count.op}. */
record JsonInput(JsonNode node, String path) {
    private static final Pattern DAY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    static final int MAX_DAYS = 36_500;

    InvalidInputException error(String message) {
        return new InvalidInputException(path, message);
    }

    JsonInput get(String key) {
        return new JsonInput(node.get(key), path + "." + key);
    }

    JsonInput at(int index) {
        return new JsonInput(node.get(index), path + "[" + index + "]");
    }

    boolean has(String key) {
        return node.has(key);
    }

    boolean missing() {
        return node == null || node.isNull();
    }

    /** An object whose keys are all allowed. */
    JsonInput object(Set<String> allowed) {
        if (missing() || !node.isObject()) {
            throw error("must be an object");
        }
        for (String key : node.propertyNames()) {
            if (!allowed.contains(key)) {
                throw get(key).error("is not allowed here; expected one of " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
        return this;
    }

    String text() {
        if (missing() || !node.isString() || node.stringValue().isEmpty()) {
            throw error("must be a non-empty string");
        }
        return node.stringValue();
    }

    int days() {
        if (missing() || !node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0 || node.intValue() > MAX_DAYS) {
            throw error("must be a whole number of days from 0 to " + MAX_DAYS);
        }
        return node.intValue();
    }

    boolean isDay() {
        return !missing() && node.isString() && DAY.matcher(node.stringValue()).matches();
    }

    LocalDate day() {
        if (isDay()) {
            try {
                return LocalDate.parse(node.stringValue());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw error("must be a date such as 2024-03-01");
    }

    boolean isDateBound() {
        return isDay() || !missing() && node.isObject() && node.has("daysAgo");
    }

    /** {@code "2024-03-01"} or {@code {"daysAgo": 30}}. */
    DateBound dateBound() {
        if (!missing() && node.isObject()) {
            return new DateBound.DaysAgo(object(Set.of("daysAgo")).get("daysAgo").days());
        }
        if (isDay()) {
            return new DateBound.On(day());
        }
        throw error("must be a date such as 2024-03-01 or {\"daysAgo\": 30}");
    }
}
