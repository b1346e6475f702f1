package dev.tendril.content.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/** Puts the preheader (the preview line mail clients show after the subject) hidden at the top of the email's body. */
final class Preheader {
    private static final Pattern BODY = Pattern.compile("<body[^>]*>", Pattern.CASE_INSENSITIVE);

    private Preheader() {}

    static String insert(String html, String preheader) {
        if (preheader == null || preheader.isBlank()) {
            return html;
        }
        String div = "<div style=\"display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden;mso-hide:all\">"
                + Entities.escape(preheader) + "</div>";
        Matcher body = BODY.matcher(html);
        if (body.find()) {
            return html.substring(0, body.end()) + div + html.substring(body.end());
        }
        return div + html;
    }
}
