package dev.tendril.segment.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Notes contacts due for real-time re-evaluation ({@code segment_pending}) in the caller's transaction,
 * with what changed about them, so that only the segments reading it re-evaluate.
 */
@Repository
class PendingStore {
    /**
     * What changed; the column's values. {@code ALL}: events and the contact's own data (an ingested batch
     * that created, identified or gave traits to the contact); {@code EVENTS}: only events and what is
     * folded from them. {@code SCORES}: a score with its grade or temperature (or a first score);
     * {@code SCORE_NUMBERS}: only the numbers, which segments reading ratings alone can ignore.
     */
    enum Reads {
        ALL("all"), EVENTS("events"), CONTACT_DATA("contactData"), SCORES("scores"), SCORE_NUMBERS("scoreNumbers"), MEMBERSHIPS("memberships");

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
