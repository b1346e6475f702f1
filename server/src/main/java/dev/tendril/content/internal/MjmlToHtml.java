package dev.tendril.content.internal;

import ch.digitalfondue.mjml4j.Mjml4j;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MJML to responsive HTML at save time (mjml4j, no {@code mj-include}: it has no resolver). The
 * Handlebars tags are swapped for plain placeholders first, so MJML neither escapes nor moves them,
 * then put back; a tag MJML dropped is an error naming it.
 */
final class MjmlToHtml {
    /** MJML that cannot be converted, or that lost a template tag on the way. */
    static final class Failed extends RuntimeException {
        Failed(String message) {
            super(message);
        }
    }

    private static final Pattern TAG = Pattern.compile("\\{\\{\\{?.*?\\}\\}\\}?", Pattern.DOTALL);
    private static final Mjml4j.Configuration CONFIG = new Mjml4j.Configuration("en");

    private MjmlToHtml() {}

    static String convert(String mjml) {
        List<String> tags = new ArrayList<>();
        Matcher m = TAG.matcher(mjml);
        StringBuilder protectedSource = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(protectedSource, placeholder(tags.size()));
            tags.add(m.group());
        }
        m.appendTail(protectedSource);
        String html;
        try {
            html = Mjml4j.render(protectedSource.toString(), CONFIG);
        } catch (RuntimeException e) {
            throw new Failed("the MJML cannot be converted: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        for (int i = 0; i < tags.size(); i++) {
            String placeholder = placeholder(i);
            if (!html.contains(placeholder)) {
                throw new Failed("MJML dropped the template tag " + tags.get(i) + "; put tags that stand between MJML components in <mj-raw>");
            }
            html = html.replace(placeholder, tags.get(i));
        }
        return html;
    }

    private static String placeholder(int index) {
        return "tndrlTag" + index + "x";
    }
}
