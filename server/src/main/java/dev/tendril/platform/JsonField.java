package dev.tendril.platform;

import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A JSON node of a request body with the path that names it in errors, e.g. {@code condition.and[1].count.op}
 * or {@code variants[1].weight}: readers walk a body with {@link #get} and {@link #at} and every wrong value
 * becomes an {@link InvalidInputException} naming exactly that field.
 */
public record JsonField(JsonNode node, String path) {

    public static JsonField root(JsonNode node) {
        return new JsonField(node, "");
    }

    public InvalidInputException error(String message) {
        return new InvalidInputException(path.isEmpty() ? "body" : path, message);
    }

    public JsonField get(String key) {
        return new JsonField(node == null ? null : node.get(key), path.isEmpty() ? key : path + "." + key);
    }

    public JsonField at(int index) {
        return new JsonField(node == null ? null : node.get(index), path + "[" + index + "]");
    }

    public boolean has(String key) {
        return node != null && node.has(key);
    }

    public boolean missing() {
        return node == null || node.isNull();
    }

    /** An object whose keys are all allowed. */
    public JsonField object(Set<String> allowed) {
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

    public String text() {
        if (missing() || !node.isString() || node.stringValue().isEmpty()) {
            throw error("must be a non-empty string");
        }
        return node.stringValue();
    }

    /** Text that is not blank, at most {@code maxLength} characters. */
    public String text(int maxLength) {
        if (missing() || !node.isString() || node.stringValue().isBlank()) {
            throw error("must be a non-empty string");
        }
        if (node.stringValue().length() > maxLength) {
            throw error("must be at most " + maxLength + " characters");
        }
        return node.stringValue();
    }

    /** As {@link #text(int)}, or null when absent or null. */
    public String optionalText(int maxLength) {
        return missing() ? null : text(maxLength);
    }

    public String oneOf(Set<String> values, String fallback) {
        if (missing() && fallback != null) {
            return fallback;
        }
        if (missing() || !node.isString() || !values.contains(node.stringValue())) {
            throw error("must be one of " + String.join(", ", values.stream().sorted().toList()));
        }
        return node.stringValue();
    }

    /** A number with {@code min < value <= max} (or {@code min <= value} when {@code minIncluded}). */
    public double number(double min, boolean minIncluded, double max, double fallback) {
        if (missing()) {
            return fallback;
        }
        if (!node.isNumber() || (minIncluded ? node.doubleValue() < min : node.doubleValue() <= min) || node.doubleValue() > max) {
            throw error("must be a number " + (minIncluded ? "from " + min : "above " + min) + " to " + max);
        }
        return node.doubleValue();
    }

    public int integer(int min, int max, int fallback) {
        if (missing()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            throw error("must be a whole number from " + min + " to " + max);
        }
        return node.intValue();
    }
}
