package dev.tendril.segment.internal;

import dev.tendril.condition.Condition;
import dev.tendril.condition.ConditionReads;
import dev.tendril.condition.Conditions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Stored conditions parsed once per version: real-time updates re-read segments on every change. */
@Component
class ParsedSegments {
    record Parsed(int version, Condition condition, ConditionReads reads) {}

    private final Conditions conditions;
    private final JsonMapper json;
    private final Map<Long, Parsed> cache = new ConcurrentHashMap<>();

    ParsedSegments(Conditions conditions, JsonMapper json) {
        this.conditions = conditions;
        this.json = json;
    }

    Parsed of(SegmentStore.Row row) {
        Parsed cached = cache.get(row.id());
        if (cached != null && cached.version() == row.conditionVersion()) {
            return cached;
        }
        Condition condition = conditions.parseStored(json.readTree(row.condition()));
        Parsed parsed = new Parsed(row.conditionVersion(), condition, ConditionReads.of(condition));
        cache.put(row.id(), parsed);
        return parsed;
    }

    void forget(long segmentId) {
        cache.remove(segmentId);
    }
}
