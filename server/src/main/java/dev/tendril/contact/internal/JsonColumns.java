package dev.tendril.contact.internal;

import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes jsonb columns. */
@Component
class JsonColumns {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private final JsonMapper json;

    JsonColumns(JsonMapper json) {
        this.json = json;
    }

    String write(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    Map<String, Object> read(String text) {
        return text == null ? null : json.readValue(text, MAP);
    }
}
