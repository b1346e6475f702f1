package dev.tendril.segment.internal;

import dev.tendril.platform.Cursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Static lists ({@code contact_list}) and their members ({@code contact_list_member}), scoped by workspace. */
@Repository
class ListStore {
    /** A list with its number of members. */
    record Row(long id, String name, String description, long size, Instant createdAt) {}

    /** A member and when it was added. */
    record Member(long contactId, Instant addedAt) {}

    private static final String SELECT = "select l.id, l.name, l.description,"
            + " (select count(*) from contact_list_member m where m.list_id = l.id), l.created_at from contact_list l";

    private final JdbcClient jdbc;

    ListStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long workspaceId, String name, String description) {
        return jdbc.sql("insert into contact_list (workspace_id, name, description) values (?, ?, ?) returning id")
                .params(workspaceId, name, description).query(Long.class).single();
    }

    Optional<Row> find(long workspaceId, long listId) {
        return jdbc.sql(SELECT + " where l.workspace_id = ? and l.id = ?").params(workspaceId, listId).query(ListStore::row).optional();
    }

    boolean exists(long workspaceId, long listId) {
        return jdbc.sql("select exists (select 1 from contact_list where workspace_id = ? and id = ?)").params(workspaceId, listId)
                .query(Boolean.class).single();
    }

    List<Row> list(long workspaceId, Cursor after, int limit) {
        return jdbc.sql(SELECT + " where l.workspace_id = ? and l.id > ? order by l.id limit ?")
                .params(workspaceId, after == null ? 0 : after.id(), limit).query(ListStore::row).list();
    }

    /** Deletes the list; the contacts that were in it, empty when there was no such list. */
    long[] delete(long workspaceId, long listId) {
        long[] members = jdbc.sql("select contact_id from contact_list_member where workspace_id = ? and list_id = ?")
                .params(workspaceId, listId).query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
        return jdbc.sql("delete from contact_list where workspace_id = ? and id = ?").params(workspaceId, listId).update() == 0
                ? null : members;
    }

    /** Adds members; how many were not in the list already. */
    int add(long workspaceId, long listId, long[] contactIds, Instant at) {
        return jdbc.sql("""
                insert into contact_list_member (workspace_id, list_id, contact_id, added_at)
                select ?, ?, unnest(?::bigint[]), ? on conflict do nothing""")
                .params(workspaceId, listId, contactIds, Timestamp.from(at)).update();
    }

    int remove(long workspaceId, long listId, long[] contactIds) {
        return jdbc.sql("delete from contact_list_member where workspace_id = ? and list_id = ? and contact_id = any(?)")
                .params(workspaceId, listId, contactIds).update();
    }

    /** Members by contact id, after the cursor's id. */
    List<Member> members(long workspaceId, long listId, Cursor after, int limit) {
        return jdbc.sql("""
                select contact_id, added_at from contact_list_member
                where workspace_id = ? and list_id = ? and contact_id > ? order by contact_id limit ?""")
                .params(workspaceId, listId, after == null ? 0 : after.id(), limit)
                .query((rs, i) -> new Member(rs.getLong(1), rs.getTimestamp(2).toInstant()))
                .list();
    }

    /** A merged contact's lists go to the contact it was merged into. */
    void moveMembers(long workspaceId, long fromContact, long toContact) {
        jdbc.sql("""
                insert into contact_list_member (workspace_id, list_id, contact_id, added_at)
                select workspace_id, list_id, ?, added_at from contact_list_member where workspace_id = ? and contact_id = ?
                on conflict do nothing""")
                .params(toContact, workspaceId, fromContact).update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getTimestamp(5).toInstant());
    }
}
