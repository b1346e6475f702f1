package dev.tendril.hostile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a workspace has stored in every table a refused request could write: for each table its row count and a digest
 * of its rows (the columns a request changes; not those that background work keeps current, such as a segment's last
 * recompute), so a refused change to a stored row shows as well as an added row.
 */
final class StoredRows {
    /** Table → the text of one row that goes into the digest. */
    private static final Map<String, String> ROWS = new LinkedHashMap<>();

    static {
        ROWS.put("contact", "t::text");
        ROWS.put("contact_identity", "t::text");
        ROWS.put("company", "t::text");
        ROWS.put("attribute_definition", "t.name || ':' || t.type");
        ROWS.put("event", null);
        ROWS.put("event_message", null);
        ROWS.put("segment", "concat_ws('|', t.id, t.name, t.description, t.condition::text, t.condition_version)");
        ROWS.put("contact_list", "t::text");
        ROWS.put("contact_list_member", "t.list_id || ':' || t.contact_id");
        ROWS.put("template", "t::text");
        ROWS.put("template_version", "t.template_id || ':' || t.version");
        ROWS.put("content_block", "t::text");
        ROWS.put("content_block_version", "t.block_id || ':' || t.version");
        ROWS.put("experiment", "t::text");
        ROWS.put("experiment_variant", "t::text");
        ROWS.put("behavior_rule", "t::text");
        ROWS.put("scoring_model", "t.version::text");
        ROWS.put("contact_subscription", "t::text");
        ROWS.put("contact_subscription_change", "t.id::text");
        ROWS.put("contact_stage_history", "t.id::text");
        ROWS.put("import_job", "t.id::text");
    }

    private final JdbcClient jdbc;
    private final long workspaceId;

    StoredRows(JdbcClient jdbc, long workspaceId) {
        this.jdbc = jdbc;
        this.workspaceId = workspaceId;
    }

    /** Table → "count/digest" (events: "count/highest id"). */
    Map<String, String> snapshot() {
        Map<String, String> out = new LinkedHashMap<>();
        ROWS.forEach((table, row) -> {
            String aggregate = row == null ? "count(*) || '/' || coalesce(max(" + (table.equals("event") ? "t.id" : "t.received_at") + ")::text, '-')"
                    : "count(*) || '/' || coalesce(md5(string_agg(" + row + ", '|' order by " + row + ")), '-')";
            out.put(table, jdbc.sql("select " + aggregate + " from " + table + " t where t.workspace_id = ?").param(workspaceId)
                    .query(String.class).single());
        });
        return out;
    }

    /** The tables whose rows differ between two snapshots. */
    static List<String> changed(Map<String, String> before, Map<String, String> after) {
        return before.keySet().stream().filter(t -> !before.get(t).equals(after.get(t))).toList();
    }
}
