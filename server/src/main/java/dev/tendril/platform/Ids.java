package dev.tendril.platform;

import java.util.OptionalLong;

/** Opaque API ids: a type prefix and the row id in base 36, e.g. {@code ct_2s}. */
public enum Ids {
    CONTACT("ct_"), COMPANY("co_"), EVENT("ev_"), API_KEY("key_"), IMPORT("imp_"), USER("us_"), SEGMENT("sg_"), LIST("ls_"),
    EXPERIMENT("ex_"), AI_PROPOSAL("ap_"), TEMPLATE("tp_"), BLOCK("bl_");

    private final String prefix;

    Ids(String prefix) {
        this.prefix = prefix;
    }

    public String format(long id) {
        return prefix + Long.toString(id, 36);
    }

    /** The row id, or empty when the text is not an id of this type (callers answer 404). */
    public OptionalLong parse(String text) {
        if (text == null || !text.startsWith(prefix) || text.length() == prefix.length() || text.length() > prefix.length() + 13) {
            return OptionalLong.empty();
        }
        try {
            long id = Long.parseLong(text.substring(prefix.length()), 36);
            return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public long require(String text) {
        return parse(text).orElseThrow(() -> new NotFoundException(name().toLowerCase(), text));
    }
}
