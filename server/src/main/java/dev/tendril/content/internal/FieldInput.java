package dev.tendril.content.internal;

import dev.tendril.platform.InvalidInputException;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** A JSON node with the path that names it in errors, e.g. {@code variants[1].weight}. */
record FieldInput(JsonNode node, String path) {

    static FieldInput root(JsonNode node) {
        return new FieldInput(node, "");
    }

    InvalidInputException error(String message) {
        return new InvalidInputException(path.isEmpty() ? "body" : path, message);
    }

    FieldInput get(String key) {
        return new FieldInput(node == null ? null : node.get(key), path.isEmpty() ? key : path + "." + key);
    }

    FieldInput at(int index) {
        return new FieldInput(node.get(index), path + "[" + index + "]");
    }

    boolean missing() {
        return node == null || node.isNull();
    }

    FieldInput object(Set<String> allowed) {
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

    String text(int maxLength) {
        if (missing() || !node.isString() || node.stringValue().isBlank()) {
            throw error("must be a non-empty string");
        }
        if (node.stringValue().length() > maxLength) {
            throw error("must be at most " + maxLength + " characters");
        }
        return node.stringValue();
    }

    /** A string, or null when absent or null. */
    String optionalText(int maxLength) {
        return missing() ? null : text(maxLength);
    }

    String oneOf(Set<String> values, String fallback) {
        if (missing() && fallback != null) {
            return fallback;
        }
        if (missing() || !node.isString() || !values.contains(node.stringValue())) {
            throw error("must be one of " + String.join(", ", values.stream().sorted().toList()));
        }
        return node.stringValue();
    }

    /** A number with {@code min < value <= max} (or {@code min <= value} when {@code minIncluded}). */
    double number(double min, boolean minIncluded, double max, double fallback) {
        if (missing()) {
            return fallback;
        }
        if (!node.isNumber() || (minIncluded ? node.doubleValue() < min : node.doubleValue() <= min) || node.doubleValue() > max) {
            throw error("must be a number " + (minIncluded ? "from " + min : "above " + min) + " to " + max);
        }
        return node.doubleValue();
    }

    int integer(int min, int max, int fallback) {
        if (missing()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            throw error("must be a whole number from " + min + " to " + max);
        }
        return node.intValue();
    }
}
