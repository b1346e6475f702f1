package dev.tendril.event.internal;

import dev.tendril.event.BehaviorRule;
import dev.tendril.platform.JsonField;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reads {@code {"rules": [...]}}: every rule an object of known fields, names and paths bounded, at most {@value #MAX_RULES} rules. */
final class BehaviorRulesJson {
    static final int MAX_RULES = 100;
    static final int MAX_TEXT = 200;
    private static final Set<String> FIELDS = Set.of("metric", "eventType", "eventName", "pathContains");

    private BehaviorRulesJson() {}

    static List<BehaviorRule> read(JsonNode body) {
        JsonField list = JsonField.root(body).object(Set.of("rules")).get("rules");
        if (list.missing() || !list.node().isArray()) {
            throw list.error("must be an array of rules");
        }
        if (list.node().size() > MAX_RULES) {
            throw list.error("holds at most " + MAX_RULES + " rules");
        }
        List<BehaviorRule> rules = new ArrayList<>();
        for (int i = 0; i < list.node().size(); i++) {
            JsonField rule = list.at(i).object(FIELDS);
            rules.add(new BehaviorRule(rule.get("metric").optionalText(MAX_TEXT), rule.get("eventType").optionalText(MAX_TEXT),
                    rule.get("eventName").optionalText(MAX_TEXT), rule.get("pathContains").optionalText(MAX_TEXT)));
        }
        return rules;
    }
}
