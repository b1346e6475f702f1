package dev.tendril.experiment.internal;

import dev.tendril.experiment.ExperimentMetric;
import dev.tendril.platform.Cursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Experiment and variant rows; every read by id is scoped by workspace. */
@Repository
class ExperimentStore {
    private static final String COLUMNS = "id, workspace_id, name, metric, mode, status, holdout_percent, min_sample_per_variant,"
            + " alpha, winner_variant_id, winner_p_value, promoted, started_at, completed_at, created_at, updated_at";

    private final JdbcClient jdbc;

    ExperimentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long workspaceId, ExperimentDefinition d, Instant now) {
        long id = jdbc.sql("""
                insert into experiment (workspace_id, name, metric, mode, holdout_percent, min_sample_per_variant, alpha, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(workspaceId, d.name(), d.metric().wire(), d.mode().wire(), d.holdoutPercent(), d.minSamplePerVariant(), d.alpha(),
                        ts(now), ts(now))
                .query(Long.class).single();
        insertVariants(workspaceId, id, d.variants(), 0);
        return id;
    }

    /** Replaces the definition of a draft: its fields and all its variants. */
    void replace(ExperimentRow row, ExperimentDefinition d, Instant now) {
        jdbc.sql("""
                update experiment set name = ?, metric = ?, mode = ?, holdout_percent = ?, min_sample_per_variant = ?, alpha = ?,
                       updated_at = ? where workspace_id = ? and id = ?""")
                .params(d.name(), d.metric().wire(), d.mode().wire(), d.holdoutPercent(), d.minSamplePerVariant(), d.alpha(), ts(now),
                        row.workspaceId(), row.id())
                .update();
        jdbc.sql("delete from experiment_variant where workspace_id = ? and experiment_id = ?").params(row.workspaceId(), row.id()).update();
        insertVariants(row.workspaceId(), row.id(), d.variants(), 0);
    }

    void addVariant(ExperimentRow row, ExperimentDefinition.Variant variant, Instant now) {
        int next = jdbc.sql("select coalesce(max(position) + 1, 0) from experiment_variant where workspace_id = ? and experiment_id = ?")
                .params(row.workspaceId(), row.id()).query(Integer.class).single();
        insertVariants(row.workspaceId(), row.id(), List.of(variant), next);
        jdbc.sql("update experiment set updated_at = ? where workspace_id = ? and id = ?").params(ts(now), row.workspaceId(), row.id()).update();
    }

    private void insertVariants(long workspaceId, long experimentId, List<ExperimentDefinition.Variant> variants, int firstPosition) {
        int position = firstPosition;
        for (var v : variants) {
            jdbc.sql("""
                    insert into experiment_variant (workspace_id, experiment_id, position, key, name, weight, subject, preheader, html,
                                                    text_body, template_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(workspaceId, experimentId, position++, v.key(), v.name(), v.weight(), v.subject(), v.preheader(), v.html(),
                            v.text(), v.templateId())
                    .update();
        }
    }

    Optional<ExperimentRow> find(long workspaceId, long id) {
        return jdbc.sql("select " + COLUMNS + " from experiment where workspace_id = ? and id = ?").params(workspaceId, id)
                .query(ExperimentStore::row).optional();
    }

    /** The experiment, its row locked until the transaction ends: status moves and edits of one experiment queue. */
    Optional<ExperimentRow> lock(long workspaceId, long id) {
        return jdbc.sql("select " + COLUMNS + " from experiment where workspace_id = ? and id = ? for update").params(workspaceId, id)
                .query(ExperimentStore::row).optional();
    }

    List<ExperimentRow> list(long workspaceId, Cursor after, int limit) {
        return jdbc.sql("select " + COLUMNS + " from experiment where workspace_id = ? and id > ? order by id limit ?")
                .params(workspaceId, after == null ? 0 : after.id(), limit).query(ExperimentStore::row).list();
    }

    /** Running fixed-horizon experiments of every workspace, for the periodic winner check. */
    List<ExperimentRow> runningFixed() {
        return jdbc.sql("select " + COLUMNS + " from experiment where status = 'running' and mode = 'fixed' order by id")
                .query(ExperimentStore::row).list();
    }

    List<VariantRow> variants(ExperimentRow row) {
        return jdbc.sql("""
                select id, key, name, weight, subject, preheader, html, text_body, template_id
                from experiment_variant where workspace_id = ? and experiment_id = ? order by position""")
                .params(row.workspaceId(), row.id())
                .query((rs, n) -> new VariantRow(rs.getLong(1), new ExperimentDefinition.Variant(rs.getString(2), rs.getString(3),
                        rs.getDouble(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9))))
                .list();
    }

    void start(ExperimentRow row, Instant now) {
        jdbc.sql("update experiment set status = 'running', started_at = ?, updated_at = ? where workspace_id = ? and id = ?")
                .params(ts(now), ts(now), row.workspaceId(), row.id()).update();
    }

    void complete(ExperimentRow row, Long winnerVariantId, Instant now) {
        jdbc.sql("""
                update experiment set status = 'completed', winner_variant_id = ?, completed_at = ?, updated_at = ?
                where workspace_id = ? and id = ?""")
                .params(winnerVariantId, ts(now), ts(now), row.workspaceId(), row.id()).update();
    }

    /** Completes a running experiment with its automatically found winner; false when it is no longer running. */
    boolean promote(ExperimentRow row, long winnerVariantId, double pValue, Instant now) {
        return jdbc.sql("""
                update experiment set status = 'completed', winner_variant_id = ?, winner_p_value = ?, promoted = true,
                       completed_at = ?, updated_at = ?
                where workspace_id = ? and id = ? and status = 'running'""")
                .params(winnerVariantId, pValue, ts(now), ts(now), row.workspaceId(), row.id()).update() == 1;
    }

    void delete(ExperimentRow row) {
        jdbc.sql("delete from experiment where workspace_id = ? and id = ?").params(row.workspaceId(), row.id()).update();
    }

    static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static ExperimentRow row(ResultSet rs, int n) throws SQLException {
        return new ExperimentRow(rs.getLong(1), rs.getLong(2), rs.getString(3), ExperimentMetric.valueOf(rs.getString(4).toUpperCase()),
                ExperimentDefinition.Mode.valueOf(rs.getString(5).toUpperCase()), ExperimentStatus.of(rs.getString(6)), rs.getDouble(7),
                rs.getInt(8), rs.getDouble(9), rs.getObject(10, Long.class), rs.getObject(11, Double.class), rs.getBoolean(12),
                instant(rs, 13), instant(rs, 14), instant(rs, 15), instant(rs, 16));
    }
}
