package dev.tendril.contact.internal;

import dev.tendril.contact.AttributeType;
import dev.tendril.platform.InvalidInputException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One data row of an import file as the body of a contact upsert. An empty cell leaves the field as
 * it is. Custom attribute text takes the attribute's declared type; an undeclared attribute's type is
 * guessed from the text ("true", "42", else text, which the contact module reads as a date when ISO).
 */
final class ImportRowBody {
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9]\\d{0,17})(\\.\\d+)?");

    private ImportRowBody() {}

    static Map<String, Object> of(ImportMapping mapping, List<String> cells, Map<String, AttributeType> declared) {
        if (cells.size() != mapping.header().size()) {
            throw new InvalidInputException("row", "has " + cells.size() + " fields; the header has " + mapping.header().size());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String target = mapping.targets().get(i);
            String cell = cells.get(i).strip();
            if (target == null || cell.isEmpty()) {
                continue;
            }
            if (cell.indexOf('\u0000') >= 0) { // PostgreSQL cannot store it
                throw new InvalidInputException(mapping.header().get(i), "must not contain the NUL character (\\u0000)");
            }
            if (target.startsWith(ImportMapping.ATTRIBUTE)) {
                String name = target.substring(ImportMapping.ATTRIBUTE.length());
                attributes.put(name, typed(cell, declared.get(name)));
            } else {
                body.put(target, cell);
            }
        }
        if (!body.containsKey("email") && !body.containsKey("externalId")) {
            throw new InvalidInputException("row", "needs email or externalId");
        }
        if (!attributes.isEmpty()) {
            body.put("attributes", attributes);
        }
        return body;
    }

    /** The cell as a value of the type; text that does not fit stays text, so the contact module names the misfit. */
    static Object typed(String text, AttributeType declared) {
        AttributeType type = declared != null ? declared
                : isBoolean(text) ? AttributeType.BOOLEAN
                : NUMBER.matcher(text).matches() ? AttributeType.NUMBER
                : AttributeType.STRING;
        return switch (type) {
            case BOOLEAN -> isBoolean(text) ? Boolean.valueOf(text.toLowerCase(Locale.ROOT)) : text;
            case NUMBER -> number(text);
            case LIST -> Arrays.stream(text.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            case STRING, DATE -> text;
        };
    }

    private static boolean isBoolean(String text) {
        return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false");
    }

    private static Object number(String text) {
        try {
            BigDecimal n = new BigDecimal(text);
            return n.scale() <= 0 && n.precision() - n.scale() <= 18 ? (Object) n.longValueExact() : n;
        } catch (NumberFormatException | ArithmeticException e) {
            return text;
        }
    }
}
