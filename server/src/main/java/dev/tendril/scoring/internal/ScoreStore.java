package dev.tendril.scoring.internal;

import dev.tendril.platform.AdvisoryLock;
import dev.tendril.platform.Cursor;
import dev.tendril.platform.Ids;
import dev.tendril.scoring.internal.Scored.FiredRule;
import dev.tendril.scoring.internal.Scored.Recommendation;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Contacts' current scores ({@code contact_score}) and their history, scoped by workspace. */
@Repository
class ScoreStore {
    private static final List<Category> CATEGORIES = List.of(Category.values());
    private final JdbcClient jdbc;

    ScoreStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises rescores of the same contacts (another drainer, another node) with scoring's own
     * advisory locks, in id order: ingestion never waits for scoring, as it would on the contacts' own locks.
     */
    void lockForRescore(long[] contactIds) {
        AdvisoryLock.RESCORE.lockAll(jdbc, contactIds, false);
    }

    /** A stored score, as a rescore compares it, and when it was computed. */
    record Stored(Scored scored, Instant scoredAt) {}

    /**
     * The stored scores of these contacts, by contact id: the numbers, grade and temperature only, which is all a
     * rescore compares; the stored breakdown, rules and recommendations are not read back (empty here).
     */
    Map<Long, Stored> current(long workspaceId, long[] contactIds) {
        Map<Long, Stored> out = new HashMap<>();
        jdbc.sql("""
                select contact_id, score, fit_score, engagement_score, grade, temperature, scored_at from contact_score
                where workspace_id = ? and contact_id = any(?)""")
                .params(workspaceId, contactIds)
                .query(rs -> {
                    out.put(rs.getLong(1), new Stored(new Scored(rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getString(5),
                            rs.getString(6), Map.of(), List.of(), List.of()), rs.getTimestamp(7).toInstant()));
                });
        return out;
    }

    /** A contact's new score. */
    record ScoredContact(long contactId, Scored scored) {}

    /**
     * Stores the scores of many contacts in one statement. The explanation is kept compact: the breakdown
     * in category order, the fired rules by their position in the model version
     * ({@link ScoringModel#position}) with their points, the recommendations' actions and reasons. Per-row
     * arrays travel as array literals, since {@code unnest} would flatten a two-dimensional array.
     */
    void saveAll(long workspaceId, List<ScoredContact> rows, int modelVersion, Instant at) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into contact_score (contact_id, workspace_id, score, fit_score, engagement_score, grade, temperature,
                    breakdown, fired, fired_points, advice, advice_reasons, model_version, scored_at)
                select u.id, ?, u.score, u.fit, u.engagement, u.grade, u.temperature, u.breakdown::float8[], u.fired::smallint[],
                    u.fired_points::float8[], u.advice::text[], u.advice_reasons::text[], ?, ?
                from unnest(?::bigint[], ?::float8[], ?::float8[], ?::float8[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::text[])
                    as u(id, score, fit, engagement, grade, temperature, breakdown, fired, fired_points, advice, advice_reasons)
                on conflict (contact_id) do update set score = excluded.score, fit_score = excluded.fit_score,
                    engagement_score = excluded.engagement_score, grade = excluded.grade, temperature = excluded.temperature,
                    breakdown = excluded.breakdown, fired = excluded.fired, fired_points = excluded.fired_points,
                    advice = excluded.advice, advice_reasons = excluded.advice_reasons, model_version = excluded.model_version,
                    scored_at = excluded.scored_at""")
                .params(workspaceId, modelVersion, Timestamp.from(at), ids(rows), column(rows, Scored::score),
                        column(rows, Scored::fitScore), column(rows, Scored::engagementScore),
                        texts(rows, Scored::grade), texts(rows, Scored::temperature),
                        texts(rows, s -> ArrayLiterals.numbers(CATEGORIES, c -> s.breakdown().getOrDefault(c, 0.0))),
                        texts(rows, s -> ArrayLiterals.integers(s.rules(), FiredRule::rule)),
                        texts(rows, s -> ArrayLiterals.numbers(s.rules(), FiredRule::points)),
                        texts(rows, s -> ArrayLiterals.texts(s.recommendations(), Recommendation::action)),
                        texts(rows, s -> ArrayLiterals.texts(s.recommendations(), Recommendation::reason)))
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
                        texts(rows, Scored::grade), texts(rows, Scored::temperature))
                .update();
    }

    private static long[] ids(List<ScoredContact> rows) {
        return rows.stream().mapToLong(ScoredContact::contactId).toArray();
    }

    private static double[] column(List<ScoredContact> rows, ToDoubleFunction<Scored> value) {
        return rows.stream().mapToDouble(r -> value.applyAsDouble(r.scored())).toArray();
    }

    private static String[] texts(List<ScoredContact> rows, Function<Scored, String> value) {
        return rows.stream().map(r -> value.apply(r.scored())).toArray(String[]::new);
    }

    /** The stored score, explained with the model version it was scored with ({@code modelAt} gives it). */
    Optional<ScoreView> view(long workspaceId, long contactId, IntFunction<ScoringModel> modelAt) {
        return jdbc.sql("""
                select score, fit_score, engagement_score, grade, temperature, breakdown, fired, fired_points, advice, advice_reasons,
                    model_version, scored_at
                from contact_score where workspace_id = ? and contact_id = ?""")
                .params(workspaceId, contactId)
                .query((rs, n) -> {
                    int version = rs.getInt(11);
                    ScoringModel model = modelAt.apply(version);
                    Double[] breakdown = (Double[]) rs.getArray(6).getArray();
                    Map<Category, Double> byCategory = new EnumMap<>(Category.class);
                    for (int i = 0; i < breakdown.length && i < CATEGORIES.size(); i++) {
                        byCategory.put(CATEGORIES.get(i), breakdown[i]);
                    }
                    Short[] fired = (Short[]) rs.getArray(7).getArray();
                    Double[] points = (Double[]) rs.getArray(8).getArray();
                    List<FiredRule> rules = new ArrayList<>();
                    for (int i = 0; i < fired.length; i++) {
                        model.fired(fired[i], points[i]).ifPresent(rules::add);
                    }
                    String[] actions = (String[]) rs.getArray(9).getArray();
                    String[] reasons = (String[]) rs.getArray(10).getArray();
                    List<Recommendation> advice = new ArrayList<>();
                    for (int i = 0; i < actions.length; i++) {
                        advice.add(new Recommendation(actions[i], reasons[i]));
                    }
                    Scored stored = new Scored(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getString(4), rs.getString(5),
                            byCategory, rules, advice);
                    return ScoreView.of(contactId, stored, version, rs.getTimestamp(12).toInstant());
                })
                .optional();
    }

    /** Newest first, {@code limit} rows after the cursor's id. */
    List<ScoreHistoryEntry> history(long workspaceId, long contactId, Cursor after, int limit) {
        return jdbc.sql("""
                select id, score, fit_score, engagement_score, grade, temperature, reason, model_version, changed_at
                from contact_score_history where workspace_id = ? and contact_id = ? and id < ? order by id desc limit ?""")
                .params(workspaceId, contactId, after == null ? Long.MAX_VALUE : after.id(), limit)
                .query((rs, n) -> new ScoreHistoryEntry(Ids.SCORE_CHANGE.format(rs.getLong(1)), rs.getDouble(2), rs.getDouble(3),
                        rs.getDouble(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8),
                        rs.getTimestamp(9).toInstant()))
                .list();
    }
}
