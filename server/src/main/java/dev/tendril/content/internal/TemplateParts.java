package dev.tendril.content.internal;

import dev.tendril.platform.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Reads the parts of a template from a request body, as its channel defines them. */
final class TemplateParts {
    private TemplateParts() {}

    /** The given parts in the channel's order; {@code extra} names the other fields the body may hold. */
    static Map<String, String> read(TemplateChannel channel, Map<String, Object> body, Set<String> extra) {
        Set<String> known = new LinkedHashSet<>(extra);
        channel.parts().forEach(p -> known.add(p.name()));
        BodyFields.onlyKnown(body, known, channel.jsonName() + " templates");
        Map<String, String> parts = new LinkedHashMap<>();
        for (TemplateChannel.Part part : channel.parts()) {
            String source = BodyFields.text(body, part.name(), part.required(), part.maxLength());
            if (source != null) {
                parts.put(part.name(), source);
            }
        }
        if (channel == TemplateChannel.EMAIL) {
            if (parts.containsKey("html") && parts.containsKey("mjml")) {
                throw new InvalidInputException("mjml", "give html or mjml, not both");
            }
            if (!parts.containsKey("html") && !parts.containsKey("mjml")) {
                throw new InvalidInputException("html", "is required (or mjml)");
            }
        }
        return parts;
    }

    static TemplateChannel channel(Object value) {
        if (!(value instanceof String name)) {
            throw new InvalidInputException("channel", "is required: email, sms, push or webhook");
        }
        return TemplateChannel.of(name).orElseThrow(() -> new InvalidInputException("channel", "must be email, sms, push or webhook"));
    }
}
