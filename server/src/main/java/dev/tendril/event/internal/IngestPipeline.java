package dev.tendril.event.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/** Parses, makes the month partitions (outside the batch's transaction), then stores the batch in one transaction. */
@Component
public class IngestPipeline {
    private static final int MAX_ATTEMPTS = 3;

    private final Clock clock;
    private final EventPartitions partitions;
    private final StoreBatch storeBatch;

    IngestPipeline(Clock clock, EventPartitions partitions, StoreBatch storeBatch) {
        this.clock = clock;
        this.partitions = partitions;
        this.storeBatch = storeBatch;
    }

    public int batch(long workspaceId, Map<String, Object> body) {
        Instant receivedAt = clock.instant();
        return store(workspaceId, SegmentParser.batch(body, receivedAt), receivedAt);
    }

    public int single(long workspaceId, String type, Map<String, Object> body) {
        Instant receivedAt = clock.instant();
        return store(workspaceId, List.of(SegmentParser.single(body, type, receivedAt)), receivedAt);
    }

    private int store(long workspaceId, List<SegmentMessage> messages, Instant receivedAt) {
        if (messages.isEmpty()) {
            return 0;
        }
        Set<YearMonth> months = messages.stream().map(m -> YearMonth.from(m.timestamp().atZone(ZoneOffset.UTC)))
                .collect(Collectors.toSet());
        partitions.ensure(months);
        for (int attempt = 1; ; attempt++) {
            try {
                return storeBatch.store(workspaceId, messages, receivedAt);
            } catch (TransientDataAccessException e) {
                // A lock conflict rolled the whole batch back: nothing was stored, so trying again is safe.
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
