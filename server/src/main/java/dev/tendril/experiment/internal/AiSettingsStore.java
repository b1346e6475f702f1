package dev.tendril.experiment.internal;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One row of AI settings per workspace; the API key only ever sealed. */
@Repository
class AiSettingsStore {
    record Row(String provider, String baseUrl, String model, byte[] sealedKey, Instant updatedAt) {}

    private final JdbcClient jdbc;

    AiSettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(long workspaceId) {
        return jdbc.sql("select provider, base_url, model, api_key_sealed, updated_at from experiment_ai_settings where workspace_id = ?")
                .param(workspaceId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4), rs.getTimestamp(5).toInstant()))
                .optional();
    }

    void save(long workspaceId, Row row) {
        jdbc.sql("""
                insert into experiment_ai_settings (workspace_id, provider, base_url, model, api_key_sealed, updated_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (workspace_id) do update set provider = excluded.provider, base_url = excluded.base_url,
                    model = excluded.model, api_key_sealed = excluded.api_key_sealed, updated_at = excluded.updated_at""")
                .params(workspaceId, row.provider(), row.baseUrl(), row.model(), row.sealedKey(), ExperimentStore.ts(row.updatedAt()))
                .update();
    }

    boolean delete(long workspaceId) {
        return jdbc.sql("delete from experiment_ai_settings where workspace_id = ?").param(workspaceId).update() == 1;
    }
}
