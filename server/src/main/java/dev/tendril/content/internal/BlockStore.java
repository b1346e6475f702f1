package dev.tendril.content.internal;

import dev.tendril.platform.Cursor;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Content blocks and their versions; every statement is scoped by workspace. */
@Repository
class BlockStore {
    /** A block with its latest version's content. */
    record Row(long id, String name, int version, boolean valid, String problems, String content, String variants, List<String> refs,
            Instant createdAt, Instant updatedAt) {}

    record Version(int version, String content, String variants, List<String> refs, Instant createdAt) {}

    /** The latest version of a block, as rendering needs it. */
    record Source(String name, int version, String content, String variants, List<String> refs) {}

    private static final String ROW = """
            select b.id, b.name, b.version, b.valid, b.problems::text, v.content, v.variants::text, v.refs, b.created_at, b.updated_at
            from content_block b join content_block_version v on v.block_id = b.id and v.version = b.version
            """;

    private final JdbcClient jdbc;

    BlockStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long workspaceId, String name) {
        return jdbc.sql("insert into content_block (workspace_id, name, version) values (?, ?, 1) returning id")
                .params(workspaceId, name).query(Long.class).single();
    }

    void addVersion(long workspaceId, long blockId, int version, String content, String variants, Collection<String> refs) {
        jdbc.sql("""
                insert into content_block_version (block_id, workspace_id, version, content, variants, refs)
                values (?, ?, ?, ?, ?::jsonb, ?)""")
                .params(blockId, workspaceId, version, content, variants, refs.toArray(String[]::new)).update();
        jdbc.sql("update content_block set version = ?, updated_at = now() where workspace_id = ? and id = ?")
                .params(version, workspaceId, blockId).update();
    }

    Optional<Row> find(long workspaceId, long id) {
        return jdbc.sql(ROW + " where b.workspace_id = ? and b.id = ?").params(workspaceId, id).query(BlockStore::row).optional();
    }

    /** The block, locked until the transaction ends: saves of one block queue. */
    Optional<Row> lock(long workspaceId, long id) {
        return jdbc.sql(ROW + " where b.workspace_id = ? and b.id = ? for update of b").params(workspaceId, id)
                .query(BlockStore::row).optional();
    }

    Optional<Long> idByName(long workspaceId, String name) {
        return jdbc.sql("select id from content_block where workspace_id = ? and name = ?").params(workspaceId, name)
                .query(Long.class).optional();
    }

    List<Row> list(long workspaceId, Cursor after, int limit) {
        return jdbc.sql(ROW + " where b.workspace_id = ? and b.id > ? order by b.id limit ?")
                .params(workspaceId, after == null ? 0 : after.id(), limit).query(BlockStore::row).list();
    }

    List<Version> versions(long workspaceId, long id) {
        return jdbc.sql("""
                select version, content, variants::text, refs, created_at from content_block_version
                where workspace_id = ? and block_id = ? order by version desc""")
                .params(workspaceId, id)
                .query((rs, n) -> new Version(rs.getInt(1), rs.getString(2), rs.getString(3), strings(rs.getArray(4)),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    boolean delete(long workspaceId, long id) {
        return jdbc.sql("delete from content_block where workspace_id = ? and id = ?").params(workspaceId, id).update() == 1;
    }

    /** The latest versions of these blocks and of every block they include, directly or not. */
    List<Source> closure(long workspaceId, Collection<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                with recursive wanted(name) as (
                    select unnest(?::text[])
                    union
                    select unnest(v.refs) from wanted w
                    join content_block b on b.workspace_id = ? and b.name = w.name
                    join content_block_version v on v.block_id = b.id and v.version = b.version
                )
                select b.name, b.version, v.content, v.variants::text, v.refs from wanted w
                join content_block b on b.workspace_id = ? and b.name = w.name
                join content_block_version v on v.block_id = b.id and v.version = b.version""")
                .params(names.toArray(String[]::new), workspaceId, workspaceId)
                .query((rs, n) -> new Source(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), strings(rs.getArray(5))))
                .list();
    }

    /** Every block's name and the blocks its latest version includes: the inclusion graph. */
    Map<String, List<String>> graph(long workspaceId) {
        Map<String, List<String>> graph = new LinkedHashMap<>();
        jdbc.sql("""
                select b.name, v.refs from content_block b
                join content_block_version v on v.block_id = b.id and v.version = b.version where b.workspace_id = ?""")
                .param(workspaceId).query(rs -> {
                    graph.put(rs.getString(1), strings(rs.getArray(2)));
                });
        return graph;
    }

    void validity(long workspaceId, String name, boolean valid, String problems) {
        jdbc.sql("update content_block set valid = ?, problems = ?::jsonb where workspace_id = ? and name = ?")
                .params(valid, problems, workspaceId, name).update();
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4), rs.getString(5), rs.getString(6),
                rs.getString(7), strings(rs.getArray(8)), rs.getTimestamp(9).toInstant(), rs.getTimestamp(10).toInstant());
    }
}
