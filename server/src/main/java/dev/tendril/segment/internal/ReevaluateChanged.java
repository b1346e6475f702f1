package dev.tendril.segment.internal;

import dev.tendril.platform.ReusePlans;
import java.sql.Array;
import java.sql.SQLException;
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
    private final SegmentStore store;
    private final ParsedSegments parsed;
    private final Membership membership;
    private final Clock clock;

    ReevaluateChanged(JdbcClient jdbc, SegmentStore store, ParsedSegments parsed, Membership membership, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.parsed = parsed;
        this.membership = membership;
        this.clock = clock;
    }

    /** Returns how many pending rows it handled; 0 when nothing was pending. */
    @Transactional
    int run() {
        Map<Long, ChangedContacts> byWorkspace = new TreeMap<>(); // workspace order: nodes lock segment rows in one order
        List<Boolean> claimed = jdbc.sql("""
                delete from segment_pending where id in (select id from segment_pending order by id limit ? for update skip locked)
                returning workspace_id, contact_ids, reads""")
                .param(CLAIM)
                .query((rs, n) -> {
                    byWorkspace.computeIfAbsent(rs.getLong(1), ws -> new ChangedContacts())
                            .add(PendingStore.Reads.of(rs.getString(3)), ids(rs.getArray(2)));
                    return true;
                }).list();
        // The changes of event batches are small; a workspace rescore's or an import's may name every contact.
        ReusePlans.inThisTransaction(jdbc, byWorkspace.values().stream().mapToInt(ChangedContacts::size).sum());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        byWorkspace.forEach((workspaceId, changed) -> {
            for (SegmentStore.Row row : store.lockAll(workspaceId)) {
                ParsedSegments.Parsed segment = parsed.of(row);
                Set<Long> contacts = changed.affecting(segment.reads());
                if (!contacts.isEmpty()) {
                    membership.reconcile(workspaceId, row.id(), segment.condition(), now,
                            contacts.stream().mapToLong(Long::longValue).toArray());
                }
            }
        });
        return claimed.size();
    }

    private static List<Long> ids(Array array) throws SQLException {
        return List.of((Long[]) array.getArray());
    }
}
