package dev.tendril.workspace.internal;

import dev.tendril.workspace.Role;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Workspaces and users in PostgreSQL. */
@Repository
public class WorkspaceStore {
    private final JdbcClient jdbc;

    WorkspaceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String slug, String name) {
        return jdbc.sql("insert into workspace (slug, name) values (?, ?) returning id").params(slug, name).query(Long.class).single();
    }

    public Optional<Long> findBySlug(String slug) {
        return jdbc.sql("select id from workspace where slug = ?").param(slug).query(Long.class).optional();
    }

    public long count() {
        return jdbc.sql("select count(*) from workspace").query(Long.class).single();
    }

    public boolean userExists(String email) {
        return jdbc.sql("select count(*) from app_user where lower(email) = lower(?)").param(email).query(Long.class).single() > 0;
    }

    public void insertUser(long workspaceId, String email, String passwordHash, Role role) {
        jdbc.sql("insert into app_user (workspace_id, email, password_hash, role) values (?, ?, ?, ?)")
                .params(workspaceId, email.strip(), passwordHash, role.dbValue()).update();
    }

    public void updatePassword(String email, String passwordHash) {
        jdbc.sql("update app_user set password_hash = ? where lower(email) = lower(?)").params(passwordHash, email).update();
    }

    Optional<WorkspaceUser> findUser(String email) {
        return jdbc.sql("select id, workspace_id, email, password_hash, role from app_user where lower(email) = lower(?)")
                .param(email)
                .query((rs, n) -> new WorkspaceUser(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        Role.valueOf(rs.getString(5).toUpperCase())))
                .optional();
    }
}
