package dev.tendril.segment.internal;

import dev.tendril.condition.ConditionLeaf;
import dev.tendril.condition.Conditions;
import dev.tendril.platform.Ids;
import dev.tendril.platform.InvalidInputException;
import dev.tendril.segment.ConditionReferences;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Checks conditions' list and segment references against this module's tables. */
@Component
class CheckConditionReferences implements ConditionReferences {
    private final ListStore lists;
    private final SegmentStore segments;
    private final JsonMapper json;

    CheckConditionReferences(ListStore lists, SegmentStore segments, JsonMapper json) {
        this.lists = lists;
        this.segments = segments;
        this.json = json;
    }

    @Override
    public void check(long workspaceId, JsonNode condition, Long self) {
        for (ConditionLeaf leaf : Conditions.leaves(condition, "condition")) {
            switch (leaf.key()) {
                case "inList" -> {
                    long id = Ids.LIST.require(leaf.value().stringValue());
                    if (!lists.exists(workspaceId, id)) {
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
        for (ConditionLeaf leaf : Conditions.leaves(condition, "condition")) {
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
        return segments.find(workspaceId, segmentId).map(SegmentStore.Row::condition).orElse(null);
    }
}
