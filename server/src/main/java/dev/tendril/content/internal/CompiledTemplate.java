package dev.tendril.content.internal;

import com.github.jknack.handlebars.Template;
import dev.tendril.condition.Condition;
import java.util.List;
import java.util.Map;

/**
 * A template version ready to render: its parts compiled in the sandbox with the workspace's blocks
 * as partials, the conditions of each dynamic block's variants in order, and its personalisation
 * slots (for the score). {@code inlineCss} for raw HTML emails (MJML output is inlined by MJML).
 */
record CompiledTemplate(TemplateChannel channel, Map<String, Template> parts, boolean inlineCss, Map<String, List<Condition>> dynamic,
        Map<String, Integer> slots) {}
