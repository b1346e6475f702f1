package dev.tendril.platform.internal;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;

/** Names the JSON path and the fault of an unreadable request body. */
final class JsonErrors {
    private JsonErrors() {}

    static String field(HttpMessageNotReadableException ex) {
        if (ex.getCause() instanceof JacksonException je && !je.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JacksonException.Reference ref : je.getPath()) {
                if (ref.getPropertyName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return path.isEmpty() ? "body" : path.toString();
        }
        return "body";
    }

    static String describe(HttpMessageNotReadableException ex) {
        if (ex.getCause() instanceof JacksonException je) {
            String field = field(ex);
            return field.equals("body") ? "body: malformed JSON (" + je.getOriginalMessage() + ")" : field + ": has the wrong type or format";
        }
        return "body: missing or unreadable";
    }
}
