package dev.tendril.scoring.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Workspace rescores after a model change ({@code scoring_job}). Contacts are visited from the
 * highest id down; {@code last_contact_id} is the lowest done (0 before the first batch), so a
 * claimed job resumes below it. A newer model supersedes a workspace's unfinished job.
 */
@Repository
class RescoreJobStore {
    record Claimed(long id, UUID claim, long workspaceId, int modelVersion, long lastContactId, int done) {}

    /** What {@code GET /scoring/model} shows. */
    public record Progress(String status, int done, int total) {}

    private final JdbcClient jdbc;

    RescoreJobStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void queue(long workspaceId, int modelVersion, long total) {
        jdbc.sql("""
                update scoring_job set status = 'superseded', finished_at = now()
                where workspace_id = ? and status in ('queued', 'running')""").param(workspaceId).update();
        jdbc.sql("insert into scoring_job (workspace_id, model_version, status, total) values (?, ?, 'queued', ?)")
                .params(workspaceId, modelVersion, total).update();
    }

    /** Takes the oldest queued job, or a running one whose worker stopped beating (a crashed or restarted node). */
    Optional<Claimed> claim(Duration stale) {
        return jdbc.sql("""
                update scoring_job set status = 'running', heartbeat_at = now(), claimed_by = gen_random_uuid()
                where id = (select id from scoring_job
                            where status = 'queued' or (status = 'running' and heartbeat_at < now() - make_interval(secs => ?))
                            order by id limit 1 for update skip locked)
                returning id, claimed_by, workspace_id, model_version, last_contact_id, done""")
                .param(stale.toSeconds())
                .query((rs, n) -> new Claimed(rs.getLong(1), rs.getObject(2, UUID.class), rs.getLong(3), rs.getInt(4), rs.getLong(5),
                        rs.getInt(6)))
                .optional();
    }

    /**
     * Whether this claim still runs the job; asked last in a round's transaction, it holds the row until that
     * commits, so a newer model cannot supersede the job in between. False when superseded or taken over.
     */
    boolean holds(Claimed job) {
        return jdbc.sql("select 1 from scoring_job where id = ? and status = 'running' and claimed_by = ? for share")
                .params(job.id(), job.claim()).query(Integer.class).optional().isPresent();
    }

    /** Records that every contact from the top down to {@code lastContactId} is done; false when superseded or taken over. */
    boolean progress(Claimed job, int done, long lastContactId) {
        return jdbc.sql("""
                update scoring_job set done = ?, last_contact_id = ?, heartbeat_at = now()
                where id = ? and status = 'running' and claimed_by = ?""")
                .params(done, lastContactId, job.id(), job.claim()).update() == 1;
    }

    void complete(Claimed job) {
        jdbc.sql("update scoring_job set status = 'completed', finished_at = now() where id = ? and status = 'running' and claimed_by = ?")
                .params(job.id(), job.claim()).update();
    }

    Optional<Progress> latest(long workspaceId) {
        return jdbc.sql("select status, done, total from scoring_job where workspace_id = ? order by id desc limit 1")
                .param(workspaceId).query((rs, n) -> new Progress(rs.getString(1), rs.getInt(2), rs.getInt(3))).optional();
    }
}
