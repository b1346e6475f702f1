package dev.tendril.contact.internal;

import dev.tendril.platform.Ids;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Import jobs and their row errors in PostgreSQL; reads for the API are scoped by workspace. */
@Repository
class ImportJobStore {
    private static final String COLUMNS = "id, status, file_name, rows_total, rows_done, rows_failed, rows_created, rows_updated, "
            + "error, mapping, created_at, started_at, finished_at";

    /** A job taken by this node's worker; it resumes after {@code rowsDone} rows. */
    record Claimed(long id, long workspaceId, Path file, Map<String, Object> mapping, int rowsDone) {}

    /** What one chunk of rows did. */
    record Tally(int done, int failed, int created, int updated) {}

    private final JdbcClient jdbc;
    private final JsonColumns json;

    ImportJobStore(JdbcClient jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insert(long workspaceId, String fileName, Path file, Map<String, String> mapping, int rowsTotal) {
        return jdbc.sql("""
                insert into import_job (workspace_id, file_name, file_path, mapping, status, rows_total)
                values (?, ?, ?, ?::jsonb, 'queued', ?) returning id""")
                .params(workspaceId, fileName, file.toString(), json.write(mapping), rowsTotal).query(Long.class).single();
    }

    Optional<ImportJob> find(long workspaceId, long id) {
        return jdbc.sql("select " + COLUMNS + " from import_job where workspace_id = ? and id = ?")
                .params(workspaceId, id).query(this::job).optional();
    }

    /** Newest first, before the given id when there is one. */
    List<ImportJob> list(long workspaceId, Long beforeId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from import_job where workspace_id = ? and id < ? order by id desc limit ?")
                .params(workspaceId, beforeId == null ? Long.MAX_VALUE : beforeId, limit).query(this::job).list();
    }

    /** Takes the oldest queued job, or a running one whose worker stopped beating (a crashed node). */
    Optional<Claimed> claim(Duration stale) {
        return jdbc.sql("""
                update import_job set status = 'running', started_at = coalesce(started_at, now()), heartbeat_at = now()
                where id = (select id from import_job
                            where status = 'queued' or (status = 'running' and heartbeat_at < now() - make_interval(secs => ?))
                            order by id limit 1 for update skip locked)
                returning id, workspace_id, file_path, mapping, rows_done""")
                .param(stale.toSeconds())
                .query((rs, n) -> new Claimed(rs.getLong(1), rs.getLong(2), Path.of(rs.getString(3)), json.read(rs.getString(4)), rs.getInt(5)))
                .optional();
    }

    /** Counts a chunk, only if the job is still where this worker left it; false when another worker has taken over. */
    boolean progress(long id, int doneBefore, Tally chunk) {
        return jdbc.sql("""
                update import_job set rows_done = rows_done + ?, rows_failed = rows_failed + ?, rows_created = rows_created + ?,
                    rows_updated = rows_updated + ?, heartbeat_at = now()
                where id = ? and status = 'running' and rows_done = ?""")
                .params(chunk.done(), chunk.failed(), chunk.created(), chunk.updated(), id, doneBefore).update() == 1;
    }

    void finish(long id, String status, String error) {
        jdbc.sql("update import_job set status = ?, error = ?, finished_at = now(), heartbeat_at = null where id = ?")
                .params(status, error, id).update();
    }

    /** Hands a job back to the queue (this node is stopping); it resumes after its rows_done. */
    void requeue(long id) {
        jdbc.sql("update import_job set status = 'queued', heartbeat_at = null where id = ? and status = 'running'").param(id).update();
    }

    void addError(long id, int row, String reason) {
        jdbc.sql("insert into import_row_error (import_id, row_number, reason) values (?, ?, ?) on conflict do nothing")
                .params(id, row, reason).update();
    }

    List<ImportJob.RowError> errors(long workspaceId, long id, int afterRow, int limit) {
        return jdbc.sql("""
                select e.row_number, e.reason from import_row_error e join import_job j on j.id = e.import_id
                where j.workspace_id = ? and e.import_id = ? and e.row_number > ? order by e.row_number limit ?""")
                .params(workspaceId, id, afterRow, limit).query((rs, n) -> new ImportJob.RowError(rs.getInt(1), rs.getString(2))).list();
    }

    private ImportJob job(ResultSet rs, int n) throws SQLException {
        int total = rs.getInt("rows_total");
        return new ImportJob(Ids.IMPORT.format(rs.getLong("id")), rs.getString("status"), rs.getString("file_name"),
                rs.wasNull() ? null : total, rs.getInt("rows_done"), rs.getInt("rows_failed"), rs.getInt("rows_created"),
                rs.getInt("rows_updated"), rs.getString("error"), json.read(rs.getString("mapping")),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
