package dev.tendril.contact.internal;

import dev.tendril.platform.AdvisoryLock;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Lookups of contacts by their identifiers, in bulk, and the merge of one contact into another. */
@Repository
class IdentityStore {
    static final String ANONYMOUS = "anonymous";
    static final String FORMER_USER_ID = "user";

    private final JdbcClient jdbc;

    IdentityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises concurrent batches that touch the same identities; locks are taken in a fixed order. */
    void lock(long workspaceId, Collection<String> keys) {
        AdvisoryLock.IDENTITY.lockAll(jdbc, keys.stream().mapToLong(k -> workspaceId * 1_000_003L + k.hashCode()).toArray(), false);
    }

    Map<String, Long> byExternalIds(long workspaceId, Collection<String> userIds) {
        Map<String, Long> out = new HashMap<>();
        if (userIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select external_id, id from contact where workspace_id = ? and external_id = any(?)
                union all
                select value, contact_id from contact_identity where workspace_id = ? and kind = 'user' and value = any(?)""")
                .params(workspaceId, userIds.toArray(String[]::new), workspaceId, userIds.toArray(String[]::new))
                .query(rs -> {
                    out.putIfAbsent(rs.getString(1), rs.getLong(2));
                });
        return out;
    }

    Map<String, Long> byAnonymousIds(long workspaceId, Collection<String> anonymousIds) {
        Map<String, Long> out = new HashMap<>();
        if (anonymousIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select value, contact_id from contact_identity where workspace_id = ? and kind = 'anonymous' and value = any(?)")
                .params(workspaceId, anonymousIds.toArray(String[]::new))
                .query(rs -> {
                    out.put(rs.getString(1), rs.getLong(2));
                });
        return out;
    }

    /** New contacts for these user ids (one statement); returns userId → contact id, including any made concurrently. */
    Map<String, Long> createForUserIds(long workspaceId, Collection<String> userIds) {
        Map<String, Long> out = new HashMap<>();
        jdbc.sql("""
                insert into contact (workspace_id, external_id) select ?, u from unnest(?::text[]) u
                on conflict (workspace_id, external_id) do nothing returning external_id, id""")
                .params(workspaceId, userIds.toArray(String[]::new))
                .query(rs -> {
                    out.put(rs.getString(1), rs.getLong(2));
                });
        if (out.size() < userIds.size()) {
            out.putAll(byExternalIds(workspaceId, userIds.stream().filter(u -> !out.containsKey(u)).toList()));
        }
        return out;
    }

    /** One new anonymous contact per anonymous id, with its identity row, in one statement. */
    Map<String, Long> createForAnonymousIds(long workspaceId, Collection<String> anonymousIds) {
        Map<String, Long> out = new HashMap<>();
        jdbc.sql("""
                with n as materialized (select a, nextval(pg_get_serial_sequence('contact', 'id')) as id from unnest(?::text[]) a),
                     c as (insert into contact (id, workspace_id) overriding system value select id, ? from n)
                insert into contact_identity (workspace_id, kind, value, contact_id) select ?, 'anonymous', a, id from n
                returning value, contact_id""")
                .params(anonymousIds.toArray(String[]::new), workspaceId, workspaceId)
                .query(rs -> {
                    out.put(rs.getString(1), rs.getLong(2));
                });
        return out;
    }

    void addIdentities(long workspaceId, String kind, Map<String, Long> valueToContact) {
        if (valueToContact.isEmpty()) {
            return;
        }
        String[] values = valueToContact.keySet().toArray(String[]::new);
        long[] contacts = Arrays.stream(values).mapToLong(valueToContact::get).toArray();
        jdbc.sql("""
                insert into contact_identity (workspace_id, kind, value, contact_id) select ?, ?, v, c from unnest(?::text[], ?::bigint[]) as t(v, c)
                on conflict (workspace_id, kind, value) do update set contact_id = excluded.contact_id""")
                .params(workspaceId, kind, values, contacts).update();
    }

    void addIdentity(long workspaceId, String kind, String value, long contactId) {
        jdbc.sql("""
                insert into contact_identity (workspace_id, kind, value, contact_id) values (?, ?, ?, ?)
                on conflict (workspace_id, kind, value) do update set contact_id = excluded.contact_id""")
                .params(workspaceId, kind, value, contactId).update();
    }

    /** A contact known by nothing but anonymous ids: safe to fold into whoever it turns out to be. */
    boolean isAnonymous(long workspaceId, long contactId) {
        return jdbc.sql("select external_id is null and email is null from contact where workspace_id = ? and id = ?")
                .params(workspaceId, contactId).query(Boolean.class).optional().orElse(false);
    }

    String externalId(long workspaceId, long contactId) {
        return jdbc.sql("select external_id from contact where workspace_id = ? and id = ?")
                .params(workspaceId, contactId).query(String.class).optional().orElse(null);
    }

    /** Moves identities, fills the target's empty fields from the source and deletes the source. */
    void absorb(long workspaceId, long sourceId, long targetId) {
        String formerUserId = externalId(workspaceId, sourceId);
        jdbc.sql("""
                update contact_identity set contact_id = ? where workspace_id = ? and contact_id = ?""")
                .params(targetId, workspaceId, sourceId).update();
        if (formerUserId != null) {
            jdbc.sql("update contact set external_id = null where workspace_id = ? and id = ?").params(workspaceId, sourceId).update();
            addIdentity(workspaceId, FORMER_USER_ID, formerUserId, targetId);
        }
        jdbc.sql("""
                update contact t set
                    first_name = coalesce(t.first_name, s.first_name),
                    last_name = coalesce(t.last_name, s.last_name), phone = coalesce(t.phone, s.phone),
                    title = coalesce(t.title, s.title), website = coalesce(t.website, s.website),
                    birthday = coalesce(t.birthday, s.birthday), gender = coalesce(t.gender, s.gender),
                    avatar = coalesce(t.avatar, s.avatar), username = coalesce(t.username, s.username),
                    description = coalesce(t.description, s.description), address = coalesce(t.address, s.address),
                    timezone = coalesce(t.timezone, s.timezone), company_id = coalesce(t.company_id, s.company_id),
                    attributes = s.attributes || t.attributes, created_at = least(t.created_at, s.created_at),
                    updated_at = now()
                from (select * from contact where workspace_id = ? and id = ?) s
                where t.workspace_id = ? and t.id = ?""")
                .params(workspaceId, sourceId, workspaceId, targetId).update();
        // The email moves in two steps: it is unique, so the source must let go of it first.
        String email = jdbc.sql("update contact n set email = null from contact o where o.id = n.id and n.workspace_id = ? and n.id = ? returning o.email")
                .params(workspaceId, sourceId).query(String.class).optional().orElse(null);
        if (email != null) {
            jdbc.sql("update contact set email = ? where workspace_id = ? and id = ? and email is null")
                    .params(email, workspaceId, targetId).update();
        }
    }

    void delete(long workspaceId, long contactId) {
        jdbc.sql("delete from contact where workspace_id = ? and id = ?").params(workspaceId, contactId).update();
    }
}
