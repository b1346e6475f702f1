package dev.tendril.platform;

import java.security.SecureRandom;
import java.util.OptionalLong;

/**
 * Opaque API ids: a type prefix and 13 base-36 digits of the row id put through a keyed permutation
 * ({@link IdPermutation}), e.g. {@code ct_2jd0mc8w1x4rq}, so an id tells nothing of how many rows exist nor in which order
 * they were made. The key is made once per database and installed at startup ({@code platform.internal.IdKeyStore}),
 * so ids stay the same across restarts and on every node. Anything that is not the exact text of an id of the type
 * parses as empty (callers answer 404).
 */
public enum Ids {
    CONTACT("ct_"), COMPANY("co_"), EVENT("ev_"), API_KEY("key_"), IMPORT("imp_"), USER("us_"), SEGMENT("sg_"), LIST("ls_"),
    EXPERIMENT("ex_"), AI_PROPOSAL("ap_"), TEMPLATE("tp_"), BLOCK("bl_"), STAGE_CHANGE("stc_"), SUBSCRIPTION_CHANGE("suc_"),
    SCORE_CHANGE("scc_");

    /** Base-36 digits of any 64-bit number. */
    private static final int DIGITS = 13;

    /** Until the server installs its database's key, a key of this JVM alone (for code run without a server: unit tests). */
    private static volatile IdPermutation key = new IdPermutation(randomKey());

    private final String prefix;

    Ids(String prefix) {
        this.prefix = prefix;
    }

    /** Installs the database's key; every id formatted or parsed from then on uses it. */
    public static void useKey(byte[] bytes) {
        key = new IdPermutation(bytes);
    }

    /** A number (a cursor's row id) as opaque as the ids: {@link #reveal} undoes it. */
    public static long hide(long id) {
        return key.apply(id);
    }

    public static long reveal(long hidden) {
        return key.invert(hidden);
    }

    public String format(long id) {
        return format(id, key);
    }

    /** The id under another key than the installed one (a migration working on a database of its own). */
    public String format(long id, IdPermutation permutation) {
        String digits = Long.toUnsignedString(permutation.apply(id), 36);
        return prefix + "0".repeat(DIGITS - digits.length()) + digits;
    }

    /** The row id, or empty when the text is not an id of this type (callers answer 404). */
    public OptionalLong parse(String text) {
        if (text == null || text.length() != prefix.length() + DIGITS || !text.startsWith(prefix)) {
            return OptionalLong.empty();
        }
        IdPermutation permutation = key;
        try {
            long id = permutation.invert(Long.parseUnsignedLong(text, prefix.length(), text.length(), 36));
            // Only the canonical text: no capitals or sign that the number parser would also take.
            return id > 0 && format(id, permutation).equals(text) ? OptionalLong.of(id) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public long require(String text) {
        return parse(text).orElseThrow(() -> new NotFoundException(name().toLowerCase(), text));
    }

    public static byte[] randomKey() {
        byte[] bytes = new byte[IdPermutation.KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
