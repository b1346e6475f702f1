package dev.tendril.platform;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What PostgreSQL's text and jsonb cannot hold, defined once: the NUL character, and a surrogate without its pair (a
 * {@code \ud800} escape in JSON), which the driver would store as "?". Input with either is refused by the REST API and
 * repaired by the tracking API (a Segment client's batch is never refused for it).
 */
public final class StorableText {
    public static final char REPLACEMENT = '\uFFFD';

    private StorableText() {}

    /** The index of the first character that cannot be stored, or -1. */
    public static int firstUnstorable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u0000') {
                return i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the bytes are well-formed UTF-8: no overlong forms (which a lenient decoder reads as another character), no encoded surrogates, nothing cut short. */
    public static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** What is wrong with the text at {@code index}, in words for a problem detail. */
    public static String fault(String s, int index) {
        return s.charAt(index) == '\u0000' ? "must not contain the NUL character (\\u0000)"
                : "must not contain a lone surrogate (an unpaired \\ud800-\\udfff)";
    }

    /** The text with every character that cannot be stored replaced by U+FFFD; the same instance when there is none. */
    public static String repaired(String s) {
        if (firstUnstorable(s) < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else {
                out.append(c == '\u0000' || Character.isSurrogate(c) ? REPLACEMENT : c);
            }
        }
        return out.toString();
    }
}
