package dev.tendril.event.internal;

import java.time.Instant;

/** Builds rows in PostgreSQL's COPY text format: tab-separated, backslash-escaped, {@code \N} for null. */
final class CopyText {
    private final StringBuilder out = new StringBuilder(64 * 1024);
    private boolean rowStarted;

    CopyText value(String value) {
        if (rowStarted) {
            out.append('\t');
        }
        rowStarted = true;
        if (value == null) {
            out.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> { } // PostgreSQL text cannot hold NUL
                default -> out.append(c);
            }
        }
        return this;
    }

    CopyText value(long value) {
        if (rowStarted) {
            out.append('\t');
        }
        rowStarted = true;
        out.append(value);
        return this;
    }

    CopyText value(Instant value) {
        return value(value == null ? null : value.toString());
    }

    CopyText endRow() {
        out.append('\n');
        rowStarted = false;
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
