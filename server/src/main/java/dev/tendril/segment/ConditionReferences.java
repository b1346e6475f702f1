package dev.tendril.segment;

import dev.tendril.condition.Conditions;
import dev.tendril.platform.Ids;
import dev.tendril.platform.InvalidInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the lists and segments a condition names: each must exist in the workspace, and a segment
 * may not contain itself, directly or through the segments it names (its membership would have no
 * fixed point). Errors name the JSON path, e.g. {@code condition.and[1].inSegment}. For every module that stores
 * conditions (segments, dynamic content blocks).
 */
@Component
public class ConditionReferences {
    private final JdbcClient jdbc;
    private final JsonMapper json;

    ConditionReferences(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Checks a condition that no segment holds (a content block's, a preview's). */
    public void check(long workspaceId, JsonNode condition) {
        check(workspaceId, condition, null);
    }

    /** {@code self} is the segment the condition belongs to, or null for a new segment or a preview. */
    public void check(long workspaceId, JsonNode condition, Long self) {
        for (Conditions.Leaf leaf : Conditions.leaves(condition, "condition")) {
            switch (leaf.key()) {
                case "inList" -> {
                    long id = Ids.LIST.require(leaf.value().stringValue());
                    if (!jdbc.sql("select exists (select 1 from contact_list where workspace_id = ? and id = ?)").params(workspaceId, id)
                            .query(Boolean.class).single()) {
                        throw new InvalidInputException(leaf.path(), "is not a list of this workspace");
                    }
                }
                case "inSegment" -> {
                    long id = Ids.SEGMENT.require(leaf.value().stringValue());
                    if (self != null && id == self) {
                        throw new InvalidInputException(leaf.path(), "is this segment; a segment cannot contain itself");
                    }
                    String stored = condition(workspaceId, id);
                    if (stored == null) {
                        throw new InvalidInputException(leaf.path(), "is not a segment of this workspace");
                    }
                    if (self != null && reaches(workspaceId, json.readTree(stored), self, new HashSet<>(List.of(id)))) {
                        throw new InvalidInputException(leaf.path(), "contains this segment through the segments it names; "
                                + "a segment cannot contain itself");
                    }
                }
                default -> { }
            }
        }
    }

    /** Whether a stored condition names {@code target}, directly or through the segments it names. */
    private boolean reaches(long workspaceId, JsonNode condition, long target, Set<Long> seen) {
        for (Conditions.Leaf leaf : Conditions.leaves(condition, "condition")) {
            if (leaf.key().equals("inSegment")) {
                long id = Ids.SEGMENT.parse(leaf.value().stringValue()).orElse(0);
                if (id == target) {
                    return true;
                }
                String stored = seen.add(id) ? condition(workspaceId, id) : null;
                if (stored != null && reaches(workspaceId, json.readTree(stored), target, seen)) {
                    return true;
                }
            }
        }
        return false;
    }

    private String condition(long workspaceId, long segmentId) {
        return jdbc.sql("select condition::text from segment where workspace_id = ? and id = ?").params(workspaceId, segmentId)
                .query(String.class).optional().orElse(null);
    }
}
