package dev.tendril.scoring.internal;

import dev.tendril.platform.Cursor;
import dev.tendril.platform.Ids;
import dev.tendril.segment.ContactScore;
import dev.tendril.scoring.internal.Scored.FiredRule;
import dev.tendril.scoring.internal.Scored.Recommendation;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Contacts' current scores ({@code contact_score}) and their history, scoped by workspace. */
@Repository
class ScoreStore {
    /** The parts of a score kept as JSON. */
    record Details(Map<String, Double> breakdown, List<FiredRule> rules, List<Recommendation> recommendations) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ScoreStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Serialises rescores of the same contacts (another drainer, another node) with scoring's own
     * advisory locks, in id order: ingestion never waits for scoring, as it would on the contacts' own locks.
     */
    void lockForRescore(long[] sortedIds) {
        jdbc.sql("select count(*) from (select pg_advisory_xact_lock(7342, (i # (i >> 32))::int) from unnest(?::bigint[]) as i) l")
                .param(sortedIds).query(Long.class).single();
    }

    /**
     * The stored scores of these contacts, by contact id: the numbers, grade and temperature only, which is all a
     * rescore compares; the stored breakdown, rules and recommendations are not read back (empty here).
     */
    Map<Long, Scored> current(long workspaceId, long[] contactIds) {
        Map<Long, Scored> out = new HashMap<>();
        jdbc.sql("""
                select contact_id, score, fit_score, engagement_score, grade, temperature from contact_score
                where workspace_id = ? and contact_id = any(?)""")
                .params(workspaceId, contactIds)
                .query(rs -> {
                    out.put(rs.getLong(1), new Scored(rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getString(5),
                            rs.getString(6), Map.of(), List.of(), List.of()));
                });
        return out;
    }

    /** The stored score as conditions read it (numbers exactly as stored), for segmentation's in-memory backend. */
    Optional<ContactScore> forConditions(long workspaceId, long contactId) {
        return jdbc.sql("""
                select score, fit_score, engagement_score, grade, temperature from contact_score
                where workspace_id = ? and contact_id = ?""")
                .params(workspaceId, contactId)
                .query((rs, n) -> new ContactScore(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getString(4),
                        rs.getString(5)))
                .optional();
    }

    Map<Long, ContactScore> forConditions(long workspaceId, long[] contactIds) {
        Map<Long, ContactScore> out = new HashMap<>();
        jdbc.sql("""
                select contact_id, score, fit_score, engagement_score, grade, temperature from contact_score
                where workspace_id = ? and contact_id = any(?)""")
                .params(workspaceId, contactIds)
                .query(rs -> {
                    out.put(rs.getLong(1), new ContactScore(rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                            rs.getString(5), rs.getString(6)));
                });
        return out;
    }

    /** A contact's new score. */
    record ScoredContact(long contactId, Scored scored) {}

    /** Stores the scores of many contacts in one statement. */
    void saveAll(long workspaceId, List<ScoredContact> rows, int modelVersion, Instant at) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into contact_score (contact_id, workspace_id, score, fit_score, engagement_score, grade, temperature,
                    result, model_version, scored_at)
                select u.id, ?, u.score, u.fit, u.engagement, u.grade, u.temperature, u.result::jsonb, ?, ?
                from unnest(?::bigint[], ?::float8[], ?::float8[], ?::float8[], ?::text[], ?::text[], ?::text[])
                    as u(id, score, fit, engagement, grade, temperature, result)
                on conflict (contact_id) do update set score = excluded.score, fit_score = excluded.fit_score,
                    engagement_score = excluded.engagement_score, grade = excluded.grade, temperature = excluded.temperature,
                    result = excluded.result, model_version = excluded.model_version, scored_at = excluded.scored_at""")
                .params(workspaceId, modelVersion, Timestamp.from(at), ids(rows), column(rows, Scored::score),
                        column(rows, Scored::fitScore), column(rows, Scored::engagementScore),
                        rows.stream().map(r -> r.scored().grade()).toArray(String[]::new),
                        rows.stream().map(r -> r.scored().temperature()).toArray(String[]::new),
                        rows.stream().map(r -> json.writeValueAsString(details(r.scored()))).toArray(String[]::new))
                .update();
    }

    /** One history row per contact whose score, grade or temperature really changed, in one statement. */
    void addHistory(long workspaceId, List<ScoredContact> rows, String reason, int modelVersion, Instant at) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into contact_score_history (contact_id, workspace_id, score, fit_score, engagement_score, grade,
                    temperature, reason, model_version, changed_at)
                select u.id, ?, u.score, u.fit, u.engagement, u.grade, u.temperature, ?, ?, ?
                from unnest(?::bigint[], ?::float8[], ?::float8[], ?::float8[], ?::text[], ?::text[])
                    as u(id, score, fit, engagement, grade, temperature)
                order by u.id""")
                .params(workspaceId, reason, modelVersion, Timestamp.from(at), ids(rows), column(rows, Scored::score),
                        column(rows, Scored::fitScore), column(rows, Scored::engagementScore),
                        rows.stream().map(r -> r.scored().grade()).toArray(String[]::new),
                        rows.stream().map(r -> r.scored().temperature()).toArray(String[]::new))
                .update();
    }

    private static long[] ids(List<ScoredContact> rows) {
        return rows.stream().mapToLong(ScoredContact::contactId).toArray();
    }

    private static double[] column(List<ScoredContact> rows, ToDoubleFunction<Scored> value) {
        return rows.stream().mapToDouble(r -> value.applyAsDouble(r.scored())).toArray();
    }

    Optional<ScoreView> view(long workspaceId, long contactId) {
        return jdbc.sql("""
                select score, fit_score, engagement_score, grade, temperature, result, model_version, scored_at
                from contact_score where workspace_id = ? and contact_id = ?""")
                .params(workspaceId, contactId)
                .query((rs, n) -> {
                    Details d = json.readValue(rs.getString(6), Details.class);
                    return new ScoreView(Ids.CONTACT.format(contactId), rs.getDouble(1), rs.getString(4), rs.getString(5),
                            rs.getDouble(2), rs.getDouble(3), inCategoryOrder(d.breakdown()), d.rules(), d.recommendations(), rs.getInt(7),
                            rs.getTimestamp(8).toInstant());
                })
                .optional();
    }

    /** Newest first, {@code limit} rows after the cursor's id. */
    List<ScoreHistoryEntry> history(long workspaceId, long contactId, Cursor after, int limit) {
        return jdbc.sql("""
                select id, score, fit_score, engagement_score, grade, temperature, reason, model_version, changed_at
                from contact_score_history where workspace_id = ? and contact_id = ? and id < ? order by id desc limit ?""")
                .params(workspaceId, contactId, after == null ? Long.MAX_VALUE : after.id(), limit)
                .query((rs, n) -> new ScoreHistoryEntry(Long.toString(rs.getLong(1)), rs.getDouble(2), rs.getDouble(3),
                        rs.getDouble(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8),
                        rs.getTimestamp(9).toInstant()))
                .list();
    }

    /** jsonb keeps keys in its own order; the API lists categories in the model's. */
    private static Map<String, Double> inCategoryOrder(Map<String, Double> breakdown) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            out.put(c.jsonName(), breakdown.getOrDefault(c.jsonName(), 0.0));
        }
        return out;
    }

    static Details details(Scored s) {
        Map<String, Double> breakdown = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            breakdown.put(c.jsonName(), s.breakdown().getOrDefault(c, 0.0));
        }
        return new Details(breakdown, s.rules(), s.recommendations());
    }
}
