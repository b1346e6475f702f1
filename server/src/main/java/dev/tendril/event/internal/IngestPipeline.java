package dev.tendril.event.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * In the request's thread: parses, writes the jsonb columns and makes the month partitions; then hands the
 * calls to the {@link GroupCommit} writers and waits until they are committed.
 */
@Component
public class IngestPipeline {
    private final Clock clock;
    private final EventPartitions partitions;
    private final GroupCommit groupCommit;
    private final JsonMapper json;

    IngestPipeline(Clock clock, EventPartitions partitions, GroupCommit groupCommit, JsonMapper json) {
        this.clock = clock;
        this.partitions = partitions;
        this.groupCommit = groupCommit;
        this.json = json;
    }

    public int batch(long workspaceId, Map<String, Object> body) {
        Instant receivedAt = clock.instant();
        return store(workspaceId, TrackingParser.batch(body, receivedAt), receivedAt);
    }

    public int single(long workspaceId, String type, Map<String, Object> body) {
        Instant receivedAt = clock.instant();
        return store(workspaceId, List.of(TrackingParser.single(body, type, receivedAt)), receivedAt);
    }

    private int store(long workspaceId, List<TrackingCall> messages, Instant receivedAt) {
        if (messages.isEmpty()) {
            return 0;
        }
        Set<YearMonth> months = messages.stream().map(m -> YearMonth.from(m.timestamp().atZone(ZoneOffset.UTC)))
                .collect(Collectors.toSet());
        partitions.ensure(months);
        return groupCommit.store(workspaceId, messages.stream().map(m -> new EncodedMessage(m, receivedAt, write(m.properties()),
                write(m.traits()), write(m.context()), write(m.integrations()))).toList());
    }

    private String write(Map<String, Object> value) {
        return value == null ? null : json.writeValueAsString(value);
    }
}
