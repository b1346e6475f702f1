package dev.tendril.experiment.internal;

import dev.tendril.experiment.AiVariantProvider;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Proposals received from an AI provider, pending until accepted. */
@Repository
class AiProposalStore {
    record Row(long id, long experimentId, String subject, String preheader, String model, String status, String variantKey,
            Instant createdAt) {}

    private static final String COLUMNS = "id, experiment_id, subject, preheader, model, status, variant_key, created_at";

    private final JdbcClient jdbc;

    AiProposalStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long workspaceId, long experimentId, AiVariantProvider.Suggestion suggestion, String model, Instant now) {
        return jdbc.sql("""
                insert into experiment_ai_proposal (workspace_id, experiment_id, subject, preheader, model, created_at)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(workspaceId, experimentId, suggestion.subject(), suggestion.preheader(), model, ExperimentStore.ts(now))
                .query(Long.class).single();
    }

    Optional<Row> find(long workspaceId, long id) {
        return jdbc.sql("select " + COLUMNS + " from experiment_ai_proposal where workspace_id = ? and id = ?").params(workspaceId, id)
                .query(AiProposalStore::row).optional();
    }

    List<Row> list(long workspaceId, long experimentId) {
        return jdbc.sql("select " + COLUMNS + " from experiment_ai_proposal where workspace_id = ? and experiment_id = ? order by id")
                .params(workspaceId, experimentId).query(AiProposalStore::row).list();
    }

    void accepted(long workspaceId, long id, String variantKey) {
        jdbc.sql("update experiment_ai_proposal set status = 'accepted', variant_key = ? where workspace_id = ? and id = ?")
                .params(variantKey, workspaceId, id).update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getTimestamp(8).toInstant());
    }
}
