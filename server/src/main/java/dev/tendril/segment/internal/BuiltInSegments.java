package dev.tendril.segment.internal;

import dev.tendril.condition.Conditions;
import dev.tendril.workspace.WorkspaceCreated;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The segments every workspace has and cannot delete: MQLs, SQLs, customers and churned, by lifecycle
 * stage, and hot, warm and cold leads, by temperature. New workspaces get them in the transaction that
 * creates them; workspaces made before they existed get them at startup, computed by the next
 * periodic recompute.
 */
@Component
class BuiltInSegments {
    record BuiltIn(String key, String name, String description, Map<String, Object> condition) {}

    static final List<BuiltIn> ALL = List.of(
            new BuiltIn("mqls", "MQLs", "Marketing-qualified leads", Map.of("stage", "mql")),
            new BuiltIn("sqls", "SQLs", "Sales-qualified leads", Map.of("stage", "sql")),
            new BuiltIn("customers", "Customers", "Contacts at the customer stage", Map.of("stage", "customer")),
            new BuiltIn("churned", "Churned", "Former customers", Map.of("stage", "churned")),
            new BuiltIn("hot", "Hot leads", "Contacts whose score is hot", Map.of("temperature", "hot")),
            new BuiltIn("warm", "Warm leads", "Contacts whose score is warm", Map.of("temperature", "warm")),
            new BuiltIn("cold", "Cold leads", "Contacts whose score is cold, or who were never scored", Map.of("temperature", "cold")));

    private final Segments segments;
    private final Conditions conditions;
    private final SegmentStore store;
    private final JsonMapper json;

    BuiltInSegments(Segments segments, Conditions conditions, SegmentStore store, JsonMapper json) {
        this.segments = segments;
        this.conditions = conditions;
        this.store = store;
        this.json = json;
    }

    @EventListener
    void seed(WorkspaceCreated created) {
        for (BuiltIn b : ALL) {
            JsonNode node = json.valueToTree(b.condition());
            segments.insert(created.workspaceId(), b.name(), b.description(), node, conditions.parse(node), b.key());
        }
    }

    /** Adds missing built-ins to every workspace (one statement each; reads only the workspace ids). */
    @EventListener(ApplicationReadyEvent.class)
    void backfill() {
        for (BuiltIn b : ALL) {
            store.insertBuiltInWhereMissing(b.key(), b.name(), b.description(), json.writeValueAsString(b.condition()));
        }
    }
}
