package dev.tendril.segment.internal;

import dev.tendril.condition.ConditionReads;
import dev.tendril.platform.Cursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The segment rows: definitions, and the claims of the periodic recompute. */
@Repository
class SegmentStore {
    /** A stored segment; {@code condition} is its JSON text. */
    record Row(long id, long workspaceId, String name, String description, String condition, int conditionVersion,
            String builtIn, Instant createdAt, Instant updatedAt) {}

    private static final String COLUMNS =
            "id, workspace_id, name, description, condition::text, condition_version, built_in, created_at, updated_at";

    private final JdbcClient jdbc;

    SegmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long workspaceId, String name, String description, String condition, ConditionReads reads, String builtIn,
            Instant recomputedAt) {
        return jdbc.sql("""
                insert into segment (workspace_id, name, description, condition, time_relative, reads_memberships, built_in, recomputed_at)
                values (?, ?, ?, ?::jsonb, ?, ?, ?, ?) returning id""")
                .params(workspaceId, name, description, condition, reads.timeRelative(), reads.memberships(), builtIn, ts(recomputedAt))
                .query(Long.class).single();
    }

    /**
     * Adds a built-in segment to every workspace without it, in one statement (reading only the workspace ids); the
     * periodic recompute computes it, as it was never computed.
     */
    void insertBuiltInWhereMissing(String key, String name, String description, String condition) {
        jdbc.sql("""
                insert into segment (workspace_id, name, description, condition, time_relative, built_in)
                select w.id, ?, ?, ?::jsonb, false, ? from workspace w
                on conflict (workspace_id, built_in) do nothing""")
                .params(name, description, condition, key).update();
    }

    Optional<Row> find(long workspaceId, long id) {
        return jdbc.sql("select " + COLUMNS + " from segment where workspace_id = ? and id = ?").params(workspaceId, id)
                .query(SegmentStore::row).optional();
    }

    /**
     * The segment, its row locked until the transaction ends: membership changes of one segment queue.
     * {@code for no key update}, so rows that only reference it (a contact's exit recorded while it is deleted)
     * are written without waiting, and cannot deadlock with a re-evaluation.
     */
    Optional<Row> lock(long workspaceId, long id) {
        return jdbc.sql("select " + COLUMNS + " from segment where workspace_id = ? and id = ? for no key update").params(workspaceId, id)
                .query(SegmentStore::row).optional();
    }

    /** All segments of a workspace, locked as {@link #lock} does, in id order (so concurrent re-evaluations cannot deadlock). */
    List<Row> lockAll(long workspaceId) {
        return jdbc.sql("select " + COLUMNS + " from segment where workspace_id = ? order by id for no key update").param(workspaceId)
                .query(SegmentStore::row).list();
    }

    List<Row> list(long workspaceId, Cursor after, int limit) {
        return jdbc.sql("select " + COLUMNS + " from segment where workspace_id = ? and id > ? order by id limit ?")
                .params(workspaceId, after == null ? 0 : after.id(), limit).query(SegmentStore::row).list();
    }

    void update(Row row, String name, String description, String condition, ConditionReads reads, boolean newCondition) {
        jdbc.sql("""
                update segment set name = ?, description = ?, condition = ?::jsonb, time_relative = ?, reads_memberships = ?,
                       condition_version = condition_version + case when ? then 1 else 0 end, updated_at = now()
                where workspace_id = ? and id = ?""")
                .params(name, description, condition, reads.timeRelative(), reads.memberships(), newCondition, row.workspaceId(), row.id())
                .update();
    }

    void delete(Row row) {
        jdbc.sql("delete from segment where workspace_id = ? and id = ?").params(row.workspaceId(), row.id()).update();
    }

    void recomputed(Row row, Instant at) {
        jdbc.sql("update segment set recomputed_at = ? where workspace_id = ? and id = ?").params(ts(at), row.workspaceId(), row.id()).update();
    }

    /**
     * Claims one segment due for the periodic recompute: time-relative or never computed, and not
     * recomputed since {@code roundStart}. Skips rows another node (or a real-time update) holds.
     */
    Optional<Row> claimDue(Instant roundStart) {
        return jdbc.sql("select " + COLUMNS + " from segment where (time_relative or recomputed_at is null)"
                        + " and (recomputed_at is null or recomputed_at < ?) order by recomputed_at nulls first limit 1 for update skip locked")
                .param(ts(roundStart)).query(SegmentStore::row).optional();
    }

    private static java.sql.Timestamp ts(Instant at) {
        return at == null ? null : java.sql.Timestamp.from(at);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant());
    }
}
