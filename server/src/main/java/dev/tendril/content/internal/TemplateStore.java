package dev.tendril.content.internal;

import dev.tendril.platform.Cursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Templates and their versions; every statement is scoped by workspace. */
@Repository
class TemplateStore {
    record Row(long id, String name, String channel, int version, boolean valid, String problems, Instant createdAt, Instant updatedAt) {}

    /** One saved version: the parts' sources as JSON, the HTML made from MJML, the blocks it includes, the lint warnings. */
    record Version(int version, String parts, String mjmlHtml, List<String> refs, String warnings, Instant createdAt) {}

    private static final String ROW = "select id, name, channel, version, valid, problems::text, created_at, updated_at from template";
    private static final String VERSION = "select version, parts::text, mjml_html, refs, warnings::text, created_at from template_version";

    private final JdbcClient jdbc;

    TemplateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long workspaceId, String name, String channel) {
        return jdbc.sql("insert into template (workspace_id, name, channel, version) values (?, ?, ?, 1) returning id")
                .params(workspaceId, name, channel).query(Long.class).single();
    }

    void addVersion(long workspaceId, long templateId, String name, int version, String parts, String mjmlHtml, Collection<String> refs,
            String warnings) {
        jdbc.sql("""
                insert into template_version (template_id, workspace_id, version, parts, mjml_html, refs, warnings)
                values (?, ?, ?, ?::jsonb, ?, ?, ?::jsonb)""")
                .params(templateId, workspaceId, version, parts, mjmlHtml, refs.toArray(String[]::new), warnings).update();
        jdbc.sql("update template set name = ?, version = ?, valid = true, problems = '[]', updated_at = now() where workspace_id = ? and id = ?")
                .params(name, version, workspaceId, templateId).update();
    }

    Optional<Row> find(long workspaceId, long id) {
        return jdbc.sql(ROW + " where workspace_id = ? and id = ?").params(workspaceId, id).query(TemplateStore::row).optional();
    }

    Optional<Row> lock(long workspaceId, long id) {
        return jdbc.sql(ROW + " where workspace_id = ? and id = ? for update").params(workspaceId, id).query(TemplateStore::row).optional();
    }

    List<Row> list(long workspaceId, Cursor after, int limit) {
        return jdbc.sql(ROW + " where workspace_id = ? and id > ? order by id limit ?")
                .params(workspaceId, after == null ? 0 : after.id(), limit).query(TemplateStore::row).list();
    }

    Optional<Version> version(long workspaceId, long id, int version) {
        return jdbc.sql(VERSION + " where workspace_id = ? and template_id = ? and version = ?").params(workspaceId, id, version)
                .query(TemplateStore::version).optional();
    }

    List<Version> versions(long workspaceId, long id) {
        return jdbc.sql(VERSION + " where workspace_id = ? and template_id = ? order by version desc").params(workspaceId, id)
                .query(TemplateStore::version).list();
    }

    boolean delete(long workspaceId, long id) {
        return jdbc.sql("delete from template where workspace_id = ? and id = ?").params(workspaceId, id).update() == 1;
    }

    /** A template whose latest version includes some blocks. */
    record Including(long id, List<String> refs) {}

    /** Templates whose latest version includes one of these blocks, with all the blocks it includes. */
    List<Including> including(long workspaceId, Collection<String> blockNames) {
        return jdbc.sql("""
                select t.id, v.refs from template t join template_version v on v.template_id = t.id and v.version = t.version
                where t.workspace_id = ? and v.refs && ?::text[]""")
                .params(workspaceId, blockNames.toArray(String[]::new))
                .query((rs, n) -> new Including(rs.getLong(1), BlockStore.strings(rs.getArray(2)))).list();
    }

    void validity(long workspaceId, long id, boolean valid, String problems) {
        jdbc.sql("update template set valid = ?, problems = ?::jsonb where workspace_id = ? and id = ?")
                .params(valid, problems, workspaceId, id).update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBoolean(5), rs.getString(6),
                rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant());
    }

    private static Version version(ResultSet rs, int n) throws SQLException {
        return new Version(rs.getInt(1), rs.getString(2), rs.getString(3), BlockStore.strings(rs.getArray(4)), rs.getString(5),
                rs.getTimestamp(6).toInstant());
    }
}
