package dev.tendril.segment.internal;

import java.sql.Array;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Contacts due for real-time re-evaluation ({@code segment_pending}), noted with what changed about them. */
@Repository
class PendingChangeStore {
    /** A claimed row: contacts of a workspace and what changed about them. */
    record Pending(long workspaceId, List<Long> contactIds, ChangeKind kind) {}

    private final JdbcClient jdbc;

    PendingChangeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In the caller's transaction, which changed them. */
    void insert(long workspaceId, long[] contactIds, ChangeKind kind) {
        if (contactIds.length > 0) {
            jdbc.sql("insert into segment_pending (workspace_id, contact_ids, reads) values (?, ?, ?)")
                    .params(workspaceId, contactIds, kind.column).update();
        }
    }

    /** Claims (deletes, in the caller's transaction) up to {@code limit} of the oldest rows no other node holds. */
    List<Pending> claim(int limit) {
        return jdbc.sql("""
                delete from segment_pending where id in (select id from segment_pending order by id limit ? for update skip locked)
                returning workspace_id, contact_ids, reads""")
                .param(limit)
                .query((rs, n) -> new Pending(rs.getLong(1), ids(rs.getArray(2)), ChangeKind.of(rs.getString(3))))
                .list();
    }

    long depth() {
        return jdbc.sql("select count(*) from segment_pending").query(Long.class).single();
    }

    private static List<Long> ids(Array array) throws SQLException {
        return List.of((Long[]) array.getArray());
    }
}
