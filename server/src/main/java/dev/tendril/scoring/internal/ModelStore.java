package dev.tendril.scoring.internal;

import dev.tendril.condition.Conditions;
import dev.tendril.platform.ConflictException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The versions of each workspace's scoring model. A workspace that never saved one scores with the
 * default model (classpath {@code scoring/default-model.json}) as version 1; each save is the next
 * version. Parsed models are cached per workspace and checked against the latest version on each read.
 * Stored scores name their fired rules by position in the version they were scored with, so the default
 * model's rules are version 1's for good: changing them needs a migration of the scores stored under it.
 */
@Repository
class ModelStore {
    static final int DEFAULT_VERSION = 1;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Conditions conditions;
    private final ScoringModel defaults;
    private final Map<Long, ScoringModel> cache = new ConcurrentHashMap<>();

    ModelStore(JdbcClient jdbc, JsonMapper json, Conditions conditions) {
        this.jdbc = jdbc;
        this.json = json;
        this.conditions = conditions;
        try (InputStream in = ModelStore.class.getResourceAsStream("/scoring/default-model.json")) {
            this.defaults = ModelJson.read(json.readTree(in), null, conditions::parseStored).withVersion(DEFAULT_VERSION);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ScoringModel current(long workspaceId) {
        ScoringModel model = version(workspaceId, latestVersion(workspaceId));
        if (model.version() != DEFAULT_VERSION) {
            cache.put(workspaceId, model);
        }
        return model;
    }

    /** The model at one of the workspace's versions (the current one from the cache), e.g. to explain a score stored under it. */
    ScoringModel version(long workspaceId, int version) {
        if (version == DEFAULT_VERSION) {
            return defaults;
        }
        ScoringModel cached = cache.get(workspaceId);
        if (cached != null && cached.version() == version) {
            return cached;
        }
        return ModelJson.read(json.readTree(definition(workspaceId, version)), defaults, conditions::parseStored).withVersion(version);
    }

    private String definition(long workspaceId, int version) {
        return jdbc.sql("select definition from scoring_model where workspace_id = ? and version = ?")
                .params(workspaceId, version).query(String.class).single();
    }

    /** Validates the whole input (nothing is stored when it is wrong), then stores it as the next version. */
    ScoringModel save(long workspaceId, JsonNode input) {
        ScoringModel model = ModelJson.read(input, defaults, conditions::parse);
        int version = latestVersion(workspaceId) + 1;
        try {
            jdbc.sql("insert into scoring_model (workspace_id, version, definition) values (?, ?, ?::jsonb)")
                    .params(workspaceId, version, json.writeValueAsString(ModelJson.write(model.withVersion(version))))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("version", "the model was changed at the same time; read it again and retry");
        }
        return model.withVersion(version);
    }

    private int latestVersion(long workspaceId) {
        return jdbc.sql("select coalesce(max(version), ?) from scoring_model where workspace_id = ?")
                .params(DEFAULT_VERSION, workspaceId).query(Integer.class).single();
    }
}
