package dev.tendril.segment.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Notes contacts due for real-time re-evaluation ({@code segment_pending}) in the caller's transaction,
 * with what changed about them, so that only the segments reading it re-evaluate.
 */
@Repository
class PendingStore {
    /** What changed; the column's values. */
    enum Reads {
        ALL("all"), CONTACT_DATA("contactData"), SCORES("scores"), MEMBERSHIPS("memberships");

        final String column;

        Reads(String column) {
            this.column = column;
        }

        static Reads of(String column) {
            for (Reads r : values()) {
                if (r.column.equals(column)) {
                    return r;
                }
            }
            throw new IllegalArgumentException(column);
        }
    }

    private final JdbcClient jdbc;

    PendingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long workspaceId, long[] contactIds, Reads reads) {
        if (contactIds.length > 0) {
            jdbc.sql("insert into segment_pending (workspace_id, contact_ids, reads) values (?, ?, ?)")
                    .params(workspaceId, contactIds, reads.column).update();
        }
    }
}
