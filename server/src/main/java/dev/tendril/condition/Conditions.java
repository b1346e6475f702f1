package dev.tendril.condition;

import dev.tendril.condition.internal.ConditionJson;
import dev.tendril.condition.internal.ConditionQueries;
import dev.tendril.condition.internal.ConditionSize;
import dev.tendril.condition.internal.EvaluateCondition;
import dev.tendril.condition.internal.LoadSnapshot;
import dev.tendril.condition.internal.SnapshotNeeds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Query;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The condition language: parsing, and its two backends. {@link #matches} evaluates one contact in
 * memory; {@link #matchingContactIds} and {@link #count} run the compiled SQL over a workspace. Both
 * agree on every condition (see {@code BackendsAgreeIntegrationTest}). "Now" is the injected clock's
 * unless given, truncated to microseconds as PostgreSQL stores time.
 */
@Service
public class Conditions {
    private final ConditionQueries queries;
    private final LoadSnapshot snapshots;
    private final Clock clock;
    private final ConditionSize size;
    private final Duration queryTimeout;

    Conditions(ConditionQueries queries, LoadSnapshot snapshots, Clock clock,
            @Value("${tendril.conditions.max-tests:100}") int maxTests, @Value("${tendril.conditions.max-values:5000}") int maxValues,
            @Value("${tendril.queries.timeout:10s}") Duration queryTimeout) {
        this.queries = queries;
        this.snapshots = snapshots;
        this.clock = clock;
        this.size = new ConditionSize(maxTests, maxValues);
        this.queryTimeout = queryTimeout;
    }

    /** How many contacts match, and the first {@code sample} of them by id. */
    public record Preview(long count, List<Long> sample) {}

    /**
     * The count and a sample of a condition a user is shaping, in one read-only transaction whose statements are
     * bounded by {@code tendril.queries.timeout} (past it, a {@code QueryTimeoutException}).
     */
    @Transactional(readOnly = true)
    public Preview preview(long workspaceId, Condition condition, int sample) {
        queries.boundTime(queryTimeout);
        Instant now = micros(now());
        return new Preview(queries.count(workspaceId, condition, now), queries.sample(workspaceId, condition, now, sample));
    }

    /**
     * Reads a condition given as input, bounded in size ({@code tendril.conditions.max-tests}, {@code max-values}); bad
     * input is an {@code InvalidInputException} naming the path, e.g. {@code condition.and[1].op}.
     */
    public Condition parse(JsonNode condition) {
        size.check(condition, "condition");
        return ConditionJson.parse(condition);
    }

    /** Reads a condition stored when it was valid input: lowering a bound later never breaks what is stored. */
    public Condition parseStored(JsonNode condition) {
        return ConditionJson.parse(condition);
    }

    /** Every leaf test of a valid condition (given at {@code path}), in document order. */
    public static List<ConditionLeaf> leaves(JsonNode condition, String path) {
        return ConditionJson.leaves(condition, path);
    }

    /**
     * The JSON path of the first test in a valid condition (given at {@code path}) that the scoring
     * model's own conditions may not use: score, grade and temperature (a score depending on itself),
     * and list or segment membership (changes to them do not rescore, and segments may read scores).
     */
    public static Optional<String> unscorablePath(JsonNode condition, String path) {
        return ConditionJson.leaves(condition, path).stream()
                .filter(l -> ConditionJson.SCORE_KEYS.contains(l.key()) || ConditionJson.MEMBERSHIP_KEYS.contains(l.key()))
                .map(ConditionLeaf::path).findFirst();
    }

    /** Whether the condition names a window or date relative to now, so its truth can change with no change to the contact. */
    public static boolean isTimeRelative(Condition condition) {
        return ConditionReads.of(condition).timeRelative();
    }

    /**
     * The statement selecting the ids of the contacts that match at {@code now} (column {@code id}, unordered), among
     * the given contacts only when {@code among} is not null: to embed in a larger statement (a membership update).
     */
    public Query matchingQuery(long workspaceId, Condition condition, Instant now, long[] among) {
        return queries.matching(workspaceId, condition, micros(now), among);
    }

    public List<Long> matchingContactIds(long workspaceId, Condition condition) {
        return matchingContactIds(workspaceId, condition, now());
    }

    public List<Long> matchingContactIds(long workspaceId, Condition condition, Instant now) {
        return queries.matchingContactIds(workspaceId, condition, micros(now));
    }

    /** For each condition, which of these contacts match at {@code now}: the batch backend, all the conditions in one query. */
    public List<Set<Long>> matchingAmongEach(long workspaceId, List<Condition> conditions, Instant now, long[] contactIds) {
        return conditions.isEmpty() || contactIds.length == 0 ? conditions.stream().map(c -> Set.<Long>of()).toList()
                : queries.matchingEach(workspaceId, conditions, micros(now), contactIds);
    }

    /**
     * As {@link #matchingAmongEach(long, List, Instant, long[])} at {@code known}'s instant, taking the event tests
     * {@code known} covers from it instead of reading the contacts' events.
     */
    public List<Set<Long>> matchingAmongEach(long workspaceId, List<Condition> conditions, long[] contactIds, EventTests known) {
        return conditions.isEmpty() || contactIds.length == 0 ? conditions.stream().map(c -> Set.<Long>of()).toList()
                : queries.matchingEach(workspaceId, conditions, known.asOf(), contactIds, known);
    }

    /**
     * Every event test of these conditions for every contact of the workspace, as of {@code now}, in one pass over
     * the workspace's events: cheaper than the per-contact probes of {@link #matchingAmongEach} once most of a
     * workspace is to be visited.
     */
    @Transactional(readOnly = true)
    public EventTests eventTests(long workspaceId, Collection<Condition> conditions, Instant now) {
        return queries.eventTests(workspaceId, conditions, micros(now));
    }

    public long count(long workspaceId, Condition condition) {
        return count(workspaceId, condition, now());
    }

    public long count(long workspaceId, Condition condition, Instant now) {
        return queries.count(workspaceId, condition, micros(now));
    }

    /** Whether the contact matches; false for an unknown contact. */
    public boolean matches(long workspaceId, long contactId, Condition condition) {
        return matches(workspaceId, contactId, condition, now());
    }

    public boolean matches(long workspaceId, long contactId, Condition condition, Instant now) {
        return snapshots.load(workspaceId, contactId).map(s -> matches(condition, s, now)).orElse(false);
    }

    /** A contact's snapshot, to evaluate many conditions on it in memory; empty for an unknown contact. */
    public Optional<ContactSnapshot> snapshot(long workspaceId, long contactId) {
        return snapshots.load(workspaceId, contactId);
    }

    /**
     * Snapshots of many contacts holding what these conditions read, with a bounded number of queries
     * (contacts, companies, and only when the conditions need them events, scores, lists, segments),
     * keyed by contact id; unknown contacts are left out. For evaluating conditions per recipient in memory.
     */
    public Map<Long, ContactSnapshot> snapshots(long workspaceId, Collection<Long> contactIds, Collection<Condition> conditions) {
        if (contactIds.isEmpty()) {
            return Map.of();
        }
        return snapshots.loadAll(workspaceId, contactIds, SnapshotNeeds.of(conditions));
    }

    /** These contacts' stored scores as conditions read them; contacts never scored are left out. */
    public Map<Long, ContactSnapshot.Scores> scores(long workspaceId, Collection<Long> contactIds) {
        return queries.scores(workspaceId, contactIds);
    }

    /** The in-memory backend on a snapshot the caller already holds. */
    public boolean matches(Condition condition, ContactSnapshot contact, Instant now) {
        return EvaluateCondition.evaluate(condition, contact, micros(now));
    }

    private Instant now() {
        return clock.instant();
    }

    private static Instant micros(Instant now) {
        return now.truncatedTo(ChronoUnit.MICROS);
    }
}
