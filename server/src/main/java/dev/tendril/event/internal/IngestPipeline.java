package dev.tendril.event.internal;

import dev.tendril.contact.Identities;
import dev.tendril.contact.IdentityRef;
import dev.tendril.contact.ResolvedIdentities;
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
import org.springframework.transaction.support.TransactionTemplate;

/** Parses, makes the month partitions and resolves identities (outside the batch's transaction), then stores the batch in one transaction. */
@Component
public class IngestPipeline {
    private static final int MAX_ATTEMPTS = 3;

    private final Clock clock;
    private final EventPartitions partitions;
    private final StoreBatch storeBatch;
    private final Identities identities;
    private final TransactionTemplate tx;

    IngestPipeline(Clock clock, EventPartitions partitions, StoreBatch storeBatch, Identities identities, TransactionTemplate tx) {
        this.clock = clock;
        this.partitions = partitions;
        this.storeBatch = storeBatch;
        this.identities = identities;
        this.tx = tx;
    }

    public int batch(long workspaceId, Map<String, Object> body) {
        Instant receivedAt = clock.instant();
        return store(workspaceId, SegmentParser.batch(body, receivedAt), receivedAt);
    }

    public int single(long workspaceId, String type, Map<String, Object> body) {
        Instant receivedAt = clock.instant();
        return store(workspaceId, List.of(SegmentParser.single(body, type, receivedAt)), receivedAt);
    }

    /**
     * New people, first identifies and merges are written in a short transaction of their own, so the
     * batch's transaction finds every identity already there and takes no identity locks while it
     * copies events. A batch that fails afterwards leaves only these identity rows, which its retry reuses.
     */
    private ResolvedIdentities resolveIdentitiesFirst(long workspaceId, List<SegmentMessage> messages) {
        List<IdentityRef> refs = messages.stream().filter(m -> !m.type().equals("alias")).map(SegmentMessage::identityRef).toList();
        return refs.isEmpty() ? ResolvedIdentities.NONE : tx.execute(s -> identities.resolve(workspaceId, refs));
    }

    private int store(long workspaceId, List<SegmentMessage> messages, Instant receivedAt) {
        if (messages.isEmpty()) {
            return 0;
        }
        Set<YearMonth> months = messages.stream().map(m -> YearMonth.from(m.timestamp().atZone(ZoneOffset.UTC)))
                .collect(Collectors.toSet());
        partitions.ensure(months);
        ResolvedIdentities resolved = resolveIdentitiesFirst(workspaceId, messages);
        for (int attempt = 1; ; attempt++) {
            try {
                return storeBatch.store(workspaceId, messages, receivedAt, resolved);
            } catch (TransientDataAccessException e) {
                // A lock conflict rolled the whole batch back: nothing was stored, so trying again is safe.
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
