package dev.tendril.experiment.internal;

import dev.tendril.experiment.ExperimentMetric;
import dev.tendril.platform.JsonField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Reads an experiment definition from JSON, naming the field of every error, and writes it back. */
final class ExperimentJson {
    static final int MAX_VARIANTS = 10;
    static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    static final Set<String> FIELDS = Set.of("name", "metric", "mode", "holdoutPercent", "minSamplePerVariant", "alpha", "variants");
    private static final Set<String> VARIANT_FIELDS = Set.of("key", "name", "weight", "subject", "preheader", "html", "text", "templateId");
    private static final Set<String> METRICS = Set.of("open", "click", "conversion");
    private static final Set<String> MODES = Set.of("fixed", "bandit");

    private ExperimentJson() {}

    static ExperimentDefinition parse(JsonNode body) {
        JsonField in = JsonField.root(body).object(FIELDS);
        String name = in.get("name").text(200).strip();
        ExperimentMetric metric = ExperimentMetric.valueOf(in.get("metric").oneOf(METRICS, null).toUpperCase());
        var mode = ExperimentDefinition.Mode.valueOf(in.get("mode").oneOf(MODES, "fixed").toUpperCase());
        double holdout = in.get("holdoutPercent").number(0, true, 90, 0);
        int minSample = in.get("minSamplePerVariant").integer(1, 10_000_000, 1000);
        double alpha = in.get("alpha").number(0, false, 0.2, 0.05);
        return new ExperimentDefinition(name, metric, mode, holdout, minSample, alpha, variants(in.get("variants")));
    }

    private static List<ExperimentDefinition.Variant> variants(JsonField in) {
        if (in.missing() || !in.node().isArray() || in.node().size() < 2 || in.node().size() > MAX_VARIANTS) {
            throw in.error("must be a list of 2 to " + MAX_VARIANTS + " variants");
        }
        List<ExperimentDefinition.Variant> out = new ArrayList<>();
        Map<String, Integer> keys = new HashMap<>();
        for (int i = 0; i < in.node().size(); i++) {
            JsonField v = in.at(i).object(VARIANT_FIELDS);
            String key = v.get("key").text(40);
            if (!KEY.matcher(key).matches()) {
                throw v.get("key").error("must be 1 to 40 letters, digits, '_' or '-'");
            }
            Integer earlier = keys.putIfAbsent(key, i);
            if (earlier != null) {
                throw v.get("key").error("repeats the key of variants[" + earlier + "]");
            }
            out.add(new ExperimentDefinition.Variant(key, v.get("name").optionalText(200), v.get("weight").number(0, false, 1000, 1),
                    v.get("subject").optionalText(500), v.get("preheader").optionalText(500), v.get("html").optionalText(1_000_000),
                    v.get("text").optionalText(1_000_000), v.get("templateId").optionalText(100)));
        }
        return List.copyOf(out);
    }

    /** The definition as the JSON that {@link #parse} reads (what a PATCH overlays). */
    static ObjectNode write(ExperimentDefinition d) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("name", d.name());
        node.put("metric", d.metric().wire());
        node.put("mode", d.mode().wire());
        node.put("holdoutPercent", d.holdoutPercent());
        node.put("minSamplePerVariant", d.minSamplePerVariant());
        node.put("alpha", d.alpha());
        ArrayNode variants = node.putArray("variants");
        for (var v : d.variants()) {
            ObjectNode o = variants.addObject();
            o.put("key", v.key());
            o.put("weight", v.weight());
            putIfSet(o, "name", v.name());
            putIfSet(o, "subject", v.subject());
            putIfSet(o, "preheader", v.preheader());
            putIfSet(o, "html", v.html());
            putIfSet(o, "text", v.text());
            putIfSet(o, "templateId", v.templateId());
        }
        return node;
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
