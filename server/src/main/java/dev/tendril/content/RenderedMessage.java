package dev.tendril.content;

import java.util.List;
import java.util.Map;

/**
 * One template rendered for one contact: the parts of its channel ({@code subject}, {@code preheader},
 * {@code html}, {@code text} for email; {@code text} for SMS; {@code title}, {@code body}, {@code url}
 * for push; {@code body} for webhooks), the personalisation data it used, its personalisation score
 * (0–100, docs/templates.md) and the variant each dynamic block showed (-1: the default). When this
 * contact's render failed (a limit, a helper's bad argument), {@code error} says why and the parts are empty.
 */
public record RenderedMessage(String contactId, Map<String, String> parts, List<String> dataUsed, int personalizationScore,
        Map<String, Integer> dynamicContent, String error) {
    public boolean failed() {
        return error != null;
    }
}
