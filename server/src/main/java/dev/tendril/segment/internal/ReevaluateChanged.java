package dev.tendril.segment.internal;

import dev.tendril.condition.Conditions;
import dev.tendril.platform.PlanCache;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One round of real-time re-evaluation: claims pending changes (any node may; SKIP LOCKED splits
 * them), merges them per workspace so a burst of batches for the same people costs one pass, and
 * for each segment whose reads the changes can touch runs ONE query over all the changed contacts
 * ({@code c.id = any(?)}), not one per contact. Claim and membership changes commit together: if
 * this fails, the changes are pending again.
 */
@Component
class ReevaluateChanged {
    static final int CLAIM = 500;

    private final JdbcClient jdbc;
    private final PendingChangeStore pending;
    private final Conditions conditions;
    private final SegmentStore store;
    private final ParsedSegments parsed;
    private final MembershipStore membership;
    private final Clock clock;

    ReevaluateChanged(JdbcClient jdbc, PendingChangeStore pending, SegmentStore store, ParsedSegments parsed, MembershipStore membership,
            Conditions conditions, Clock clock) {
        this.jdbc = jdbc;
        this.pending = pending;
        this.conditions = conditions;
        this.store = store;
        this.parsed = parsed;
        this.membership = membership;
        this.clock = clock;
    }

    /** One round; returns how many pending rows it claimed (0 when nothing was pending). */
    @Transactional
    int run() {
        Map<Long, ChangedContacts> byWorkspace = new TreeMap<>(); // workspace order: nodes lock segment rows in one order
        List<PendingChangeStore.Pending> claimed = pending.claim(CLAIM);
        claimed.forEach(p -> byWorkspace.computeIfAbsent(p.workspaceId(), ws -> new ChangedContacts()).add(p.kind(), p.contactIds()));
        // The changes of event batches are small; a workspace rescore's or an import's may name every contact.
        PlanCache.reuseInThisTransaction(jdbc, byWorkspace.values().stream().mapToInt(ChangedContacts::size).sum());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        byWorkspace.forEach((workspaceId, changed) -> {
            for (SegmentStore.Row row : store.lockAll(workspaceId)) {
                ParsedSegments.Parsed segment = parsed.of(row);
                Set<Long> contacts = changed.affecting(segment.reads());
                if (!contacts.isEmpty()) {
                    long[] among = contacts.stream().mapToLong(Long::longValue).toArray();
                    membership.reconcile(workspaceId, row.id(), conditions.matchingQuery(workspaceId, segment.condition(), now, among),
                            now, among);
                }
            }
        });
        return claimed.size();
    }
}
