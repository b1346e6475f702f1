package dev.tendril.experiment.internal;

import dev.tendril.experiment.AiVariantProvider;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the variants out of a model's answer. Models asked for JSON still wrap it in code fences or
 * a sentence now and then, so this takes the outermost JSON object or array in the text, accepts
 * {@code {"variants": [...]}} or a bare list, and drops entries without a usable subject.
 */
final class AiProposalParser {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AiProposalParser() {}

    static List<AiVariantProvider.Suggestion> parse(String content, int max) {
        JsonNode root = json(content);
        JsonNode list = root.isArray() ? root : root.get("variants");
        if (list == null || !list.isArray()) {
            throw new AiVariantProvider.ProviderException("the model's answer has no \"variants\" list");
        }
        Set<String> seen = new LinkedHashSet<>();
        List<AiVariantProvider.Suggestion> out = new ArrayList<>();
        for (JsonNode item : list) {
            String subject = text(item, "subject", AiPrompt.MAX_SUBJECT);
            if (subject == null || !seen.add(subject.toLowerCase()) || out.size() == max) {
                continue;
            }
            out.add(new AiVariantProvider.Suggestion(subject, text(item, "preheader", AiPrompt.MAX_PREHEADER)));
        }
        if (out.isEmpty()) {
            throw new AiVariantProvider.ProviderException("the model's answer holds no usable subject line");
        }
        return out;
    }

    private static JsonNode json(String content) {
        if (content != null) {
            int start = firstOf(content, '{', '[');
            int end = Math.max(content.lastIndexOf('}'), content.lastIndexOf(']'));
            if (start >= 0 && end > start) {
                try {
                    return JSON.readTree(content.substring(start, end + 1));
                } catch (JacksonException e) {
                    // reported below
                }
            }
        }
        throw new AiVariantProvider.ProviderException(content == null ? "the model's answer is empty" : "the model's answer is not JSON");
    }

    private static int firstOf(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    private static String text(JsonNode item, String field, int max) {
        JsonNode node = item == null || !item.isObject() ? null : item.get(field);
        if (node == null || !node.isString() || node.stringValue().isBlank()) {
            return null;
        }
        String value = node.stringValue().strip();
        return value.length() > max ? null : value;
    }
}
