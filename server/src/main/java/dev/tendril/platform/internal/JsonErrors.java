package dev.tendril.platform.internal;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

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

    /** The fault in words a client reads: a syntax error with its position, or a value of the wrong shape, never a Java type. */
    static String describe(HttpMessageNotReadableException ex) {
        if (ex.getCause() instanceof StreamReadException syntax) {
            return "body: malformed JSON at line " + syntax.getLocation().getLineNr() + ", column " + syntax.getLocation().getColumnNr();
        }
        if (ex.getCause() instanceof JacksonException) {
            String field = field(ex);
            return field.equals("body") ? "body: must be a JSON object of the documented shape" : field + ": has the wrong type or format";
        }
        return "body: missing or unreadable";
    }
}
