package dev.tendril.contact.internal;

import dev.tendril.contact.ContactField;
import dev.tendril.contact.ContactFilter;
import dev.tendril.contact.ContactView;
import dev.tendril.contact.StageAndOwner;
import dev.tendril.contact.StageMove;
import dev.tendril.platform.Cursor;
import dev.tendril.platform.Ids;
import dev.tendril.platform.InvalidInputException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Contact rows in PostgreSQL; every statement is scoped by workspace. */
@Repository
public class ContactStore {
    private static final String COLUMNS = "id, email, external_id, first_name, last_name, phone, title, website, birthday, "
            + "gender, avatar, username, description, address, timezone, company_id, lifecycle_stage, attributes, created_at, updated_at";
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z0-9_.\\- ]{1,100}");

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final JsonColumns json;

    ContactStore(JdbcClient jdbc, JdbcTemplate batches, JsonColumns json) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.json = json;
    }

    /** Whether every one of these ids is a contact of the workspace. */
    public boolean allExist(long workspaceId, long[] ids) {
        long[] distinct = Arrays.stream(ids).distinct().toArray();
        return distinct.length == 0 || jdbc.sql("select count(*) from contact where workspace_id = ? and id = any(?)")
                .params(workspaceId, distinct).query(Long.class).single() == distinct.length;
    }

    public long insert(long workspaceId, String externalId) {
        return jdbc.sql("insert into contact (workspace_id, external_id) values (?, ?) returning id")
                .params(workspaceId, externalId).query(Long.class).single();
    }

    /**
     * Sets fields and merges attributes (null removes one), and only when that changes something: analytics.js
     * repeats an identify with the same traits on every page load, and an unchanged contact gets no new row version.
     */
    public void update(long workspaceId, long id, Map<ContactField, Object> fields, Map<String, Object> attributes) {
        Update update = updateOf(workspaceId, id, fields, attributes);
        if (update != null) {
            jdbc.sql(update.sql()).params(update.params()).update();
        }
    }

    /** One contact's {@link #update}, to be run with others by {@link #updateAll}; null when there is nothing to set. */
    record Update(long contactId, String sql, Object[] params) {}

    Update updateOf(long workspaceId, long id, Map<ContactField, Object> fields, Map<String, Object> attributes) {
        if (fields.isEmpty() && attributes.isEmpty()) {
            return null;
        }
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<Object> valueParams = new ArrayList<>();
        for (Map.Entry<ContactField, Object> f : fields.entrySet()) {
            Object value = f.getValue();
            boolean address = f.getKey() == ContactField.ADDRESS;
            columns.add(f.getKey().column());
            values.add(address ? "?::jsonb" : "?");
            valueParams.add(address ? json.write(value) : value instanceof LocalDate d ? Date.valueOf(d) : value);
        }
        if (!attributes.isEmpty()) {
            AttributePatch patch = AttributePatch.of(attributes, json);
            columns.add("attributes");
            values.add(AttributePatch.PATCHED);
            valueParams.add(patch.setJson());
            valueParams.add(patch.removed());
        }
        StringBuilder sql = new StringBuilder("update contact set updated_at = now()");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(", ").append(columns.get(i)).append(" = ").append(values.get(i));
        }
        sql.append(" where workspace_id = ? and id = ? and (").append(String.join(", ", columns))
                .append(") is distinct from (").append(String.join(", ", values)).append(")");
        List<Object> params = new ArrayList<>(valueParams);
        params.add(workspaceId);
        params.add(id);
        params.addAll(valueParams);
        return new Update(id, sql.toString(), params.toArray());
    }

    /**
     * Runs the updates as JDBC batches, one per statement shape (the identify calls of a batch mostly share one), so
     * they cost one round trip each instead of one per call. A contact's own updates still run in the order given.
     */
    void updateAll(List<Update> updates) {
        Map<String, List<Object[]>> byShape = new LinkedHashMap<>();
        Map<Long, String> shapeOf = new HashMap<>();
        for (Update u : updates) {
            String earlier = shapeOf.put(u.contactId(), u.sql());
            if (earlier != null && !earlier.equals(u.sql())) {
                runBatches(byShape); // its earlier update is in another batch: that one must run first
                shapeOf.clear();
                shapeOf.put(u.contactId(), u.sql());
            }
            byShape.computeIfAbsent(u.sql(), s -> new ArrayList<>()).add(u.params());
        }
        runBatches(byShape);
    }

    private void runBatches(Map<String, List<Object[]>> byShape) {
        byShape.forEach(batches::batchUpdate);
        byShape.clear();
    }

    /** Each contact to its new stage if it is still in the old one, in one statement; the ids moved. */
    public Set<Long> moveStages(long workspaceId, List<StageMove> moves) {
        if (moves.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                update contact c set lifecycle_stage = u.to_stage, updated_at = now()
                from unnest(?::bigint[], ?::text[], ?::text[]) as u(id, from_stage, to_stage)
                where c.workspace_id = ? and c.id = u.id and c.lifecycle_stage = u.from_stage
                returning c.id""")
                .params(moves.stream().mapToLong(StageMove::contactId).toArray(), moves.stream().map(StageMove::from).toArray(String[]::new),
                        moves.stream().map(StageMove::to).toArray(String[]::new), workspaceId)
                .query(Long.class).list());
    }

    public void setExternalId(long workspaceId, long id, String externalId) {
        jdbc.sql("update contact set external_id = ?, updated_at = now() where workspace_id = ? and id = ?")
                .params(externalId, workspaceId, id).update();
    }

    public void setCompany(long workspaceId, long id, Long companyId) {
        jdbc.sql("update contact set company_id = ?, updated_at = now() where workspace_id = ? and id = ?")
                .params(companyId, workspaceId, id).update();
    }

    /** Links each of these contacts without a company to the company owning its email's domain, if any: one statement. */
    public void linkCompaniesByEmailDomain(long workspaceId, long[] ids) {
        if (ids.length == 0) {
            return;
        }
        jdbc.sql("""
                update contact c set company_id = co.id, updated_at = now() from company co
                where c.workspace_id = ? and c.id = any(?) and c.company_id is null and c.email is not null
                  and co.workspace_id = c.workspace_id and co.domain = substr(c.email, strpos(c.email, '@') + 1)""")
                .params(workspaceId, ids).update();
    }

    public Optional<ContactView> find(long workspaceId, long id) {
        return jdbc.sql("select " + COLUMNS + " from contact where workspace_id = ? and id = ?")
                .params(workspaceId, id).query(this::map).optional();
    }

    /** Up to {@code limit} contact ids below {@code belowId}, highest first: a walk over a whole workspace. */
    public long[] idsBelow(long workspaceId, long belowId, int limit) {
        return jdbc.sql("select id from contact where workspace_id = ? and id < ? order by id desc limit ?")
                .params(workspaceId, belowId, limit).query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
    }

    /** These contacts (those that exist), in one query. */
    public List<ContactView> findAll(long workspaceId, long[] ids) {
        return jdbc.sql("select " + COLUMNS + " from contact where workspace_id = ? and id = any(?) order by id")
                .params(workspaceId, ids).query(this::map).list();
    }

    /** In id order, so that concurrent callers lock in the same order. */
    public Map<Long, StageAndOwner> stagesAndOwnersAndKeep(long workspaceId, long[] ids) {
        Map<Long, StageAndOwner> out = new HashMap<>();
        jdbc.sql("select id, lifecycle_stage, attributes ->> 'owner' from contact where workspace_id = ? and id = any(?) order by id for key share")
                .params(workspaceId, ids)
                .query(rs -> {
                    out.put(rs.getLong(1), new StageAndOwner(rs.getString(2), rs.getString(3)));
                });
        return out;
    }

    /** The contacts owning these lower-cased emails, by lower-cased email, in one query. */
    public Map<String, Long> idsByEmail(long workspaceId, Collection<String> lowerCaseEmails) {
        Map<String, Long> out = new HashMap<>();
        if (!lowerCaseEmails.isEmpty()) {
            jdbc.sql("select lower(email), id from contact where workspace_id = ? and lower(email) = any(?)")
                    .params(workspaceId, lowerCaseEmails.toArray(String[]::new))
                    .query(rs -> {
                        out.put(rs.getString(1), rs.getLong(2));
                    });
        }
        return out;
    }

    /** The contacts with these external ids, by external id, in one query. */
    public Map<String, Long> idsByExternalId(long workspaceId, Collection<String> externalIds) {
        Map<String, Long> out = new HashMap<>();
        if (!externalIds.isEmpty()) {
            jdbc.sql("select external_id, id from contact where workspace_id = ? and external_id = any(?)")
                    .params(workspaceId, externalIds.toArray(String[]::new))
                    .query(rs -> {
                        out.put(rs.getString(1), rs.getLong(2));
                    });
        }
        return out;
    }

    public OptionalLong idByEmail(long workspaceId, String email) {
        return optional(jdbc.sql("select id from contact where workspace_id = ? and lower(email) = lower(?)")
                .params(workspaceId, email).query(Long.class).optional());
    }

    public OptionalLong idByExternalId(long workspaceId, String externalId) {
        return optional(jdbc.sql("select id from contact where workspace_id = ? and external_id = ?")
                .params(workspaceId, externalId).query(Long.class).optional());
    }

    public boolean delete(long workspaceId, long id) {
        return jdbc.sql("delete from contact where workspace_id = ? and id = ?").params(workspaceId, id).update() == 1;
    }

    public long count(long workspaceId) {
        return jdbc.sql("select count(*) from contact where workspace_id = ?").param(workspaceId).query(Long.class).single();
    }

    /** Newest first; the cursor is the last id seen. */
    public List<ContactView> list(long workspaceId, ContactFilter filter, Cursor after, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from contact where workspace_id = ?");
        List<Object> params = new ArrayList<>(List.of(workspaceId));
        if (after != null) {
            sql.append(" and id < ?");
            params.add(after.id());
        }
        if (filter.email() != null) {
            sql.append(" and lower(email) = lower(?)");
            params.add(filter.email());
        }
        if (filter.externalId() != null) {
            sql.append(" and external_id = ?");
            params.add(filter.externalId());
        }
        if (filter.query() != null && !filter.query().isBlank()) {
            sql.append(" and (lower(email) like ? or lower(coalesce(first_name, '') || ' ' || coalesce(last_name, '')) like ? or external_id = ?)");
            String like = "%" + filter.query().strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(like);
            params.add(like);
            params.add(filter.query().strip());
        }
        if (filter.companyId() != null) {
            sql.append(" and company_id = ?");
            params.add(Ids.COMPANY.parse(filter.companyId()).orElse(-1));
        }
        if (filter.lifecycleStage() != null) {
            sql.append(" and lifecycle_stage = ?");
            params.add(filter.lifecycleStage());
        }
        for (Map.Entry<String, String> a : filter.attributes().entrySet()) {
            if (!ATTRIBUTE_NAME.matcher(a.getKey()).matches()) {
                throw new InvalidInputException("attr." + a.getKey(), "is not an attribute name");
            }
            // jsonb containment matches the value in its stored type and uses the GIN index.
            sql.append(" and (attributes @> ?::jsonb or attributes @> ?::jsonb)");
            params.add(json.write(Map.of(a.getKey(), a.getValue())));
            params.add(json.write(Map.of(a.getKey(), typedGuess(a.getValue()))));
        }
        sql.append(" order by id desc limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(this::map).list();
    }

    private static Object typedGuess(String value) {
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        try {
            return new java.math.BigDecimal(value);
        } catch (NumberFormatException e) {
            return List.of(value);
        }
    }

    private ContactView map(ResultSet rs, int row) throws SQLException {
        long companyId = rs.getLong("company_id");
        Date birthday = rs.getDate("birthday");
        return new ContactView(Ids.CONTACT.format(rs.getLong("id")), rs.getString("email"), rs.getString("external_id"),
                rs.getString("first_name"), rs.getString("last_name"), rs.getString("phone"), rs.getString("title"),
                rs.getString("website"), birthday == null ? null : birthday.toLocalDate(), rs.getString("gender"),
                rs.getString("avatar"), rs.getString("username"), rs.getString("description"), json.read(rs.getString("address")),
                rs.getString("timezone"), companyId == 0 ? null : Ids.COMPANY.format(companyId),
                rs.getString("lifecycle_stage"), json.read(rs.getString("attributes")),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static OptionalLong optional(Optional<Long> value) {
        return value.map(OptionalLong::of).orElse(OptionalLong.empty());
    }
}
