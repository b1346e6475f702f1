package db.migration;

import dev.tendril.platform.IdPermutation;
import dev.tendril.platform.Ids;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * API ids become opaque (docs/architecture.md, Ids): the database gets the random key of {@link Ids}, and the API ids that stored
 * definitions hold in the old form (type prefix and row id in base 36, e.g. {@code sg_c}) are rewritten in the new one:
 * lists and segments named by conditions (segments, scoring models, dynamic blocks' variants) and the templates that
 * experiment variants name. In Java because the new form is a keyed permutation that SQL cannot compute.
 */
public class V36__opaque_api_ids extends BaseJavaMigration {
    private static final Pattern OLD_ID = Pattern.compile("(ls|sg|tp)_([0-9a-z]{1,12})");
    private static final Map<String, Ids> TYPES = Map.of("ls", Ids.LIST, "sg", Ids.SEGMENT, "tp", Ids.TEMPLATE);
    private static final Map<String, String> CONDITION_KEYS = Map.of("inList", "ls", "inSegment", "sg");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A Java migration has no file to sum: this number stands for its text, which must not change once shipped. */
    @Override
    public Integer getChecksum() {
        return 1;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection db = context.getConnection();
        byte[] key = Ids.randomKey();
        try (var create = db.createStatement()) {
            create.execute("""
                    create table id_key (
                        only_row  boolean primary key default true check (only_row),
                        key       bytea not null check (length(key) = 16)
                    )""");
        }
        try (PreparedStatement insert = db.prepareStatement("insert into id_key (key) values (?)")) {
            insert.setBytes(1, key);
            insert.executeUpdate();
        }
        IdPermutation permutation = new IdPermutation(key);
        rewriteJson(db, permutation, "segment", "condition", "id");
        rewriteJson(db, permutation, "scoring_model", "definition", "workspace_id, version");
        rewriteJson(db, permutation, "content_block_version", "variants", "block_id, version");
        try (PreparedStatement select = db.prepareStatement("select id, template_id from experiment_variant where template_id is not null");
                PreparedStatement update = db.prepareStatement("update experiment_variant set template_id = ? where id = ?");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String now = newForm(rows.getString(2), "tp", permutation);
                if (now != null) {
                    update.setString(1, now);
                    update.setLong(2, rows.getLong(1));
                    update.executeUpdate();
                }
            }
        }
    }

    /** Rewrites the list and segment ids of the conditions anywhere in a jsonb column; {@code key} names the primary key. */
    private static void rewriteJson(Connection db, IdPermutation permutation, String table, String column, String key) throws SQLException {
        String[] keys = key.split(", ");
        String where = String.join(" and ", Arrays.stream(keys).map(k -> k + " = ?").toList());
        try (PreparedStatement select = db.prepareStatement("select " + column + "::text, " + key + " from " + table
                        + " where " + column + " is not null");
                PreparedStatement update = db.prepareStatement("update " + table + " set " + column + " = ?::jsonb where " + where);
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                JsonNode tree = JSON.readTree(rows.getString(1));
                if (rewrite(tree, permutation)) {
                    update.setString(1, JSON.writeValueAsString(tree));
                    for (int i = 0; i < keys.length; i++) {
                        update.setObject(i + 2, rows.getObject(i + 2));
                    }
                    update.executeUpdate();
                }
            }
        }
    }

    private static boolean rewrite(JsonNode node, IdPermutation permutation) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, String> reference : CONDITION_KEYS.entrySet()) {
                JsonNode value = object.get(reference.getKey());
                String now = value != null && value.isString() ? newForm(value.asString(), reference.getValue(), permutation) : null;
                if (now != null) {
                    object.put(reference.getKey(), now);
                    changed = true;
                }
            }
        }
        for (JsonNode child : node) {
            changed |= rewrite(child, permutation);
        }
        return changed;
    }

    /** The new form of an old id of this type, or null when the text is none. */
    private static String newForm(String text, String type, IdPermutation permutation) {
        Matcher old = OLD_ID.matcher(text);
        if (!old.matches() || !old.group(1).equals(type)) {
            return null;
        }
        long id = Long.parseLong(old.group(2), 36);
        return id > 0 ? TYPES.get(type).format(id, permutation) : null;
    }
}
