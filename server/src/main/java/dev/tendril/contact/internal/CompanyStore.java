package dev.tendril.contact.internal;

import dev.tendril.contact.CompanyView;
import dev.tendril.platform.Cursor;
import dev.tendril.platform.Ids;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Company rows in PostgreSQL; every statement is scoped by workspace. */
@Repository
class CompanyStore {
    private static final String COLUMNS = "id, external_id, name, domain, industry, employees, annual_revenue, plan, website, attributes, created_at, updated_at";

    private final JdbcClient jdbc;
    private final JsonColumns json;

    CompanyStore(JdbcClient jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insert(long workspaceId) {
        return jdbc.sql("insert into company (workspace_id) values (?) returning id").param(workspaceId).query(Long.class).single();
    }

    boolean update(long workspaceId, long id, Map<String, Object> columns, Map<String, Object> attributes) {
        StringBuilder sql = new StringBuilder("update company set updated_at = now()");
        List<Object> params = new ArrayList<>();
        columns.forEach((column, value) -> {
            sql.append(", ").append(column).append(" = ?");
            params.add(value);
        });
        if (!attributes.isEmpty()) {
            AttributePatch.of(attributes, json).appendTo(sql, params);
        }
        sql.append(" where workspace_id = ? and id = ?");
        params.add(workspaceId);
        params.add(id);
        return jdbc.sql(sql.toString()).params(params).update() == 1;
    }

    /** Links contacts without a company whose email domain is this company's. */
    /** How many contacts it linked. */
    int linkContactsByDomain(long workspaceId, long id) {
        return jdbc.sql("""
                update contact c set company_id = co.id, updated_at = now()
                from company co
                where co.workspace_id = ? and co.id = ? and co.domain is not null
                  and c.workspace_id = co.workspace_id and c.company_id is null
                  and split_part(c.email, '@', 2) = co.domain""")
                .params(workspaceId, id).update();
    }

    List<Long> contactIds(long workspaceId, long id) {
        return jdbc.sql("select id from contact where workspace_id = ? and company_id = ? order by id").params(workspaceId, id)
                .query(Long.class).list();
    }

    Optional<CompanyView> find(long workspaceId, long id) {
        return jdbc.sql("select " + COLUMNS + " from company where workspace_id = ? and id = ?")
                .params(workspaceId, id).query(this::map).optional();
    }

    List<CompanyView> findAll(long workspaceId, long[] ids) {
        return jdbc.sql("select " + COLUMNS + " from company where workspace_id = ? and id = any(?) order by id")
                .params(workspaceId, ids).query(this::map).list();
    }

    OptionalLong idBy(long workspaceId, String column, String value) {
        String where = column.equals("name") ? "lower(name) = lower(?)" : column + " = ?";
        return jdbc.sql("select id from company where workspace_id = ? and " + where + " order by id limit 1")
                .params(workspaceId, value).query(Long.class).optional()
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    boolean delete(long workspaceId, long id) {
        return jdbc.sql("delete from company where workspace_id = ? and id = ?").params(workspaceId, id).update() == 1;
    }

    List<CompanyView> list(long workspaceId, String domain, Cursor after, int limit) {
        return jdbc.sql("select " + COLUMNS + " from company where workspace_id = ? and (?::text is null or domain = ?) and id < ? order by id desc limit ?")
                .params(workspaceId, domain, domain, after == null ? Long.MAX_VALUE : after.id(), limit)
                .query(this::map).list();
    }

    private CompanyView map(ResultSet rs, int row) throws SQLException {
        Integer employees = rs.getObject("employees", Integer.class);
        return new CompanyView(Ids.COMPANY.format(rs.getLong("id")), rs.getString("external_id"), rs.getString("name"),
                rs.getString("domain"), rs.getString("industry"), employees, rs.getBigDecimal("annual_revenue"),
                rs.getString("plan"), rs.getString("website"), json.read(rs.getString("attributes")),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
