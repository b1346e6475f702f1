package dev.tendril.bench;

import java.time.Instant;

/** One generated Segment call; the JSON fields are already-encoded objects (or null). */
record Event(String type, String name, String messageId, String userId, String anonymousId, Instant timestamp,
        String properties, String traits, String context, String integrations) {

    /** The call as a Segment client sends it inside a batch. */
    void appendSegmentJson(StringBuilder out) {
        out.append("{\"type\":\"").append(type).append('"');
        if (name != null) {
            out.append(type.equals("track") ? ",\"event\":" : ",\"name\":");
            Json.string(out, name);
        }
        out.append(",\"messageId\":");
        Json.string(out, messageId);
        if (userId != null) {
            out.append(",\"userId\":");
            Json.string(out, userId);
        }
        if (anonymousId != null) {
            out.append(",\"anonymousId\":");
            Json.string(out, anonymousId);
        }
        out.append(",\"timestamp\":\"").append(timestamp).append('"');
        if (properties != null) {
            out.append(",\"properties\":").append(properties);
        }
        if (traits != null) {
            out.append(",\"traits\":").append(traits);
        }
        out.append(",\"context\":").append(context).append(",\"integrations\":").append(integrations).append('}');
    }

    /** The row the server would store for this call, in COPY text format, columns as in its COPY into {@code event}. */
    void appendCopyRow(StringBuilder out, long workspaceId, long contactId, Instant receivedAt, Instant sentAt) {
        out.append(workspaceId).append('\t').append(contactId).append('\t');
        copyValue(out, type).append('\t');
        copyValue(out, name).append('\t');
        copyValue(out, messageId).append('\t');
        copyValue(out, userId).append('\t');
        copyValue(out, anonymousId).append('\t');
        out.append(timestamp).append('\t').append(receivedAt).append('\t').append(sentAt).append('\t').append(timestamp).append('\t');
        copyValue(out, properties).append('\t');
        copyValue(out, traits).append('\t');
        copyValue(out, context).append('\t');
        copyValue(out, integrations).append('\n');
    }

    private static StringBuilder copyValue(StringBuilder out, String value) {
        if (value == null) {
            return out.append("\\N");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out;
    }
}
