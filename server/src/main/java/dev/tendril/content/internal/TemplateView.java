package dev.tendril.content.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A template version as the API shows it: the parts of its channel (email: subject, preheader, html
 * or mjml, text; sms: text; push: title, body, url; webhook: body), whether the template is usable
 * ({@code valid}, with the problems when not) and the lint warnings of this version.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TemplateView(String id, String name, String channel, int version, int latestVersion, boolean valid, List<String> problems,
        String subject, String preheader, String html, String mjml, String text, String title, String body, String url,
        List<String> includes, List<Problem> warnings, Instant createdAt, Instant updatedAt) {}
