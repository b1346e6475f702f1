package dev.tendril.content.internal;

import com.github.jknack.handlebars.EscapingStrategy;

/** How {@code {{value}}} is escaped in each kind of part; {@code {{{value}}}} is never escaped. */
enum Escaping {
    /** HTML bodies: Handlebars' HTML escaping. */
    HTML(EscapingStrategy.HBS4),
    /** Subjects, text bodies, SMS and push: written as they are. */
    TEXT(EscapingStrategy.NOOP),
    /** Webhook JSON bodies: values go inside JSON strings. */
    JSON(Escaping::json);

    private final EscapingStrategy strategy;

    Escaping(EscapingStrategy strategy) {
        this.strategy = strategy;
    }

    EscapingStrategy strategy() {
        return strategy;
    }

    private static CharSequence json(CharSequence value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out;
    }
}
