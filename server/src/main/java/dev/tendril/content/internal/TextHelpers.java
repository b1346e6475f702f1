package dev.tendril.content.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text helpers: fallbacks, case, truncation, plurals and URL encoding. Null in, empty text out. */
final class TextHelpers {
    private static final Pattern WORD = Pattern.compile("(\\p{L})(\\p{L}*)");

    private TextHelpers() {}

    /** The value when present, else the fallback: {@code {{default firstName "there"}}}. */
    static Object orDefault(Object value, Object fallback) {
        return ModelValues.present(value) ? value : fallback;
    }

    static String capitalize(Object value, Locale locale) {
        String s = text(value);
        if (s.isEmpty()) {
            return s;
        }
        int first = s.offsetByCodePoints(0, 1);
        return s.substring(0, first).toUpperCase(locale) + s.substring(first);
    }

    static String lower(Object value, Locale locale) {
        return text(value).toLowerCase(locale);
    }

    static String upper(Object value, Locale locale) {
        return text(value).toUpperCase(locale);
    }

    /** Each word with a capital first letter and the rest in lower case: "ADA LOVELACE" → "Ada Lovelace". */
    static String titlecase(Object value, Locale locale) {
        Matcher m = WORD.matcher(text(value));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1).toUpperCase(locale) + m.group(2).toLowerCase(locale)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** At most {@code length} characters, the last of them the suffix when the text was cut. */
    static String truncate(Object value, int length, String suffix) {
        String s = text(value);
        if (length < 0) {
            throw new IllegalArgumentException("truncate: the length must not be negative");
        }
        if (s.codePointCount(0, s.length()) <= length) {
            return s;
        }
        int keep = Math.max(0, length - suffix.codePointCount(0, suffix.length()));
        return s.substring(0, s.offsetByCodePoints(0, keep)).stripTrailing() + suffix;
    }

    /** The singular for a count of exactly one, else the plural (given, or made by English rules). */
    static String pluralize(Object count, String singular, String plural) {
        boolean one = count != null && Comparisons.eq(count, 1);
        if (one) {
            return singular;
        }
        return plural != null ? plural : englishPlural(singular);
    }

    static String englishPlural(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.endsWith("s") || w.endsWith("x") || w.endsWith("z") || w.endsWith("ch") || w.endsWith("sh")) {
            return word + "es";
        }
        if (w.length() > 1 && w.endsWith("y") && "aeiou".indexOf(w.charAt(w.length() - 2)) < 0) {
            return word.substring(0, word.length() - 1) + "ies";
        }
        return word + "s";
    }

    /** Percent-encoded for a URL query or path (spaces as %20). */
    static String urlencode(Object value) {
        return URLEncoder.encode(text(value), StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
