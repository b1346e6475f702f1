package dev.tendril.condition.internal;

import static org.jooq.impl.DSL.and;
import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.not;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.or;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.trueCondition;
import static org.jooq.impl.DSL.val;

import dev.tendril.condition.Comparison;
import dev.tendril.condition.Condition.And;
import dev.tendril.condition.Condition.Attribute;
import dev.tendril.condition.Condition.Event;
import dev.tendril.condition.Condition.Not;
import dev.tendril.condition.Condition.Or;
import dev.tendril.condition.Condition.Stage;
import dev.tendril.condition.Condition;
import dev.tendril.condition.ContactSnapshot.Scores;
import dev.tendril.condition.DerivedTable;
import dev.tendril.condition.Occurrence;
import dev.tendril.condition.PropertyFilter;
import dev.tendril.condition.Window;
import dev.tendril.condition.internal.CompileComparison.ColumnSource;
import dev.tendril.condition.internal.CompileComparison.JsonSource;
import dev.tendril.condition.internal.CompileComparison.Source;
import dev.tendril.contact.Subscriptions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Field;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;

/**
 * Compiles a condition to a predicate over {@code contact c} (and {@code company co}, left-joined when
 * {@link #readsCompany} says so): the batch backend. Event tests are subqueries over {@code event},
 * correlated on {@code c.id}. All values are bind parameters.
 */
final class CompileCondition {
    private static final Field<OffsetDateTime> OCCURRED_AT = field("ev.occurred_at", OffsetDateTime.class);
    private final DerivedTables tables;
    private final long workspaceId;
    private final Instant now;

    CompileCondition(DerivedTables tables, long workspaceId, Instant now) {
        this.tables = tables;
        this.workspaceId = workspaceId;
        this.now = now;
    }

    org.jooq.Condition compile(Condition condition) {
        return switch (condition) {
            case And a -> a.all().isEmpty() ? trueCondition() : and(a.all().stream().map(this::compile).toList());
            case Or o -> o.any().isEmpty() ? falseCondition() : or(o.any().stream().map(this::compile).toList());
            case Not n -> not(compile(n.condition()));
            case Attribute a -> CompileComparison.compile(a.comparison(), source(Fields.require(a.field())), now);
            case Event e -> event(e);
            case Stage s -> condition("c.lifecycle_stage = any({0}::text[])", val(s.in().toArray(String[]::new)));
            // A contact without a row in the scores table (left-joined as cs) counts as Scores.UNSCORED.
            case Condition.Score s -> CompileComparison.compile(s.comparison(), new ColumnSource(field("coalesce(cs." + switch (s.measure()) {
                case SCORE -> tables.scores().score();
                case FIT_SCORE -> tables.scores().fitScore();
                case ENGAGEMENT_SCORE -> tables.scores().engagementScore();
            } + ", 0)"), Comparison.Kind.NUMBER), now);
            case Condition.Grade g -> condition("coalesce(cs." + tables.scores().grade() + ", {0}) = any({1}::text[])",
                    val(Scores.UNSCORED.grade()), val(g.in().toArray(String[]::new)));
            case Condition.Temperature t -> condition("coalesce(cs." + tables.scores().temperature() + ", {0}) = any({1}::text[])",
                    val(Scores.UNSCORED.temperature()), val(t.in().toArray(String[]::new)));
            case Condition.InList l -> member(tables.lists(), l.listId());
            case Condition.InSegment s -> member(tables.segments(), s.segmentId());
            case Condition.Subscription s -> condition("coalesce((select su.status from contact_subscription su where su.contact_id = c.id "
                    + "and su.channel = {0} and su.workspace_id = {1}), {2}) = any({3}::text[])", val(s.channel()), val(workspaceId),
                    val(Subscriptions.NONE), val(s.in().toArray(String[]::new)));
        };
    }

    private org.jooq.Condition member(DerivedTable.Memberships table, long setId) {
        return condition("exists (select 1 from " + table.table() + " dm where dm." + table.setColumn() + " = {0} "
                + "and dm.workspace_id = {1} and dm.contact_id = c.id)", val(setId), val(workspaceId));
    }

    /** Whether the condition reads scores, so the query left-joins the scores table as {@code cs}. */
    static boolean readsScores(Condition condition) {
        return switch (condition) {
            case And a -> a.all().stream().anyMatch(CompileCondition::readsScores);
            case Or o -> o.any().stream().anyMatch(CompileCondition::readsScores);
            case Not n -> readsScores(n.condition());
            case Condition.Score s -> true;
            case Condition.Grade g -> true;
            case Condition.Temperature t -> true;
            case Condition.InList l -> false;
            case Condition.InSegment s -> false;
            case Condition.Subscription s -> false;
            case Attribute a -> false;
            case Event e -> false;
            case Stage s -> false;
        };
    }

    static boolean readsCompany(Condition condition) {
        return switch (condition) {
            case And a -> a.all().stream().anyMatch(CompileCondition::readsCompany);
            case Or o -> o.any().stream().anyMatch(CompileCondition::readsCompany);
            case Not n -> readsCompany(n.condition());
            case Attribute a -> Fields.require(a.field()).onCompany();
            case Event e -> false;
            case Stage s -> false;
            case Condition.Score s -> false;
            case Condition.Grade g -> false;
            case Condition.Temperature t -> false;
            case Condition.InList l -> false;
            case Condition.InSegment s -> false;
            case Condition.Subscription s -> false;
        };
    }

    private static Source source(Fields.Ref ref) {
        return switch (ref) {
            case Fields.Column c -> new ColumnSource(field(c.sql()), c.kind());
            case Fields.Custom a -> new JsonSource(field((a.onCompany() ? "co" : "c") + ".attributes -> ({0}::text)", val(a.name())));
        };
    }

    private org.jooq.Condition event(Event e) {
        List<org.jooq.Condition> match = eventFilters(e);
        match.add(condition("ev.contact_id = c.id"));
        return switch (e.occurrence()) {
            case Occurrence.Count count -> count(match, count);
            // First inside the window: one inside it and none before it; last: one inside and none after.
            case Occurrence.First first -> {
                Window.Range r = first.window().range(now);
                yield r.from() == null ? exists(events(match, r)) : exists(events(match, r)).and(notExists(events(match, new Window.Range(null, r.from()))));
            }
            case Occurrence.Last last -> {
                Window.Range r = last.window().range(now);
                yield r.until() == null ? exists(events(match, r)) : exists(events(match, r)).and(notExists(events(match, new Window.Range(r.until(), null))));
            }
        };
    }

    /**
     * The rows of {@code event ev} an event test reads, of any contact in the workspace: for one pass over
     * the workspace's events grouped by contact ({@link #eventTruth}). Counts read their window only; first
     * and last occurrences read all time.
     */
    org.jooq.Condition eventRows(Event e) {
        List<org.jooq.Condition> rows = eventFilters(e);
        if (e.occurrence() instanceof Occurrence.Count count) {
            rows.addAll(window(OCCURRED_AT, count.window().range(now)));
        }
        return and(rows);
    }

    /**
     * The event test over one contact's rows of {@code event ev} (an aggregate, for a query grouped by
     * contact): the same truth as {@link #compile} gives, for any contact with at least one row of
     * {@link #eventRows}; a contact without one has {@link #truthWithoutEvents}.
     */
    org.jooq.Condition eventTruth(Event e) {
        org.jooq.Condition rows = eventRows(e);
        return switch (e.occurrence()) {
            case Occurrence.Count count -> {
                Field<Integer> n = DSL.count().filterWhere(rows);
                yield switch (count.op()) {
                    case AT_LEAST -> n.ge(val(count.n()));
                    case AT_MOST -> n.le(val(count.n()));
                    case EXACTLY -> n.eq(val(count.n()));
                };
            }
            // The earliest matching event lies in the window exactly when one lies in it and none before it; the latest likewise.
            case Occurrence.First first -> occurrenceIn(DSL.min(OCCURRED_AT).filterWhere(rows),
                    first.window().range(now));
            case Occurrence.Last last -> occurrenceIn(DSL.max(OCCURRED_AT).filterWhere(rows),
                    last.window().range(now));
        };
    }

    /** An event test's truth for a contact with no matching events: only counts of at most (or exactly) zero hold. */
    static boolean truthWithoutEvents(Event e) {
        return e.occurrence() instanceof Occurrence.Count count && switch (count.op()) {
            case AT_LEAST -> count.n() <= 0;
            case AT_MOST -> count.n() >= 0;
            case EXACTLY -> count.n() == 0;
        };
    }

    /** Two-valued like every compiled test: with no matching event, {@code at} is null and the test false. */
    private static org.jooq.Condition occurrenceIn(Field<OffsetDateTime> at, Window.Range range) {
        List<org.jooq.Condition> in = window(at, range);
        in.add(at.isNotNull());
        return and(in);
    }

    /** What an event test asks of each event, whoever's it is: workspace, name, type, property filters. */
    private List<org.jooq.Condition> eventFilters(Event e) {
        List<org.jooq.Condition> match = new ArrayList<>();
        match.add(field("ev.workspace_id").eq(val(workspaceId)));
        if (e.name() != null) {
            match.add(condition("ev.name = {0}", val(e.name())));
        }
        if (e.type() != null) {
            match.add(condition("ev.type = {0}", val(e.type())));
        }
        for (PropertyFilter filter : e.where()) {
            Field<?> value = field("ev.properties");
            for (String key : filter.path()) {
                value = field("({0} -> ({1}::text))", value, val(key));
            }
            match.add(CompileComparison.compile(filter.comparison(), new JsonSource(value), now));
        }
        return match;
    }

    private org.jooq.Condition count(List<org.jooq.Condition> match, Occurrence.Count count) {
        SelectConditionStep<?> events = events(match, count.window().range(now));
        int n = count.n();
        // Counting stops one past the threshold: a contact with 10,000 page views costs no more than one with n + 1.
        Field<Integer> upTo = field(selectCount().from(events.limit(n + 1).asTable("x")));
        return switch (count.op()) {
            case AT_LEAST -> n <= 0 ? trueCondition() : n == 1 ? exists(events) : upTo.ge(val(n));
            case AT_MOST -> upTo.le(val(n));
            case EXACTLY -> upTo.eq(val(n));
        };
    }

    private SelectConditionStep<?> events(List<org.jooq.Condition> match, Window.Range range) {
        List<org.jooq.Condition> all = new ArrayList<>(match);
        all.addAll(window(OCCURRED_AT, range));
        return selectOne().from(table("event").as("ev")).where(all);
    }

    /** {@code at} within the half-open window: from its start (inclusive) until its end (exclusive), either open. */
    private static List<org.jooq.Condition> window(Field<OffsetDateTime> at, Window.Range range) {
        List<org.jooq.Condition> bounds = new ArrayList<>(2);
        if (range.from() != null) {
            bounds.add(at.ge(val(utc(range.from()))));
        }
        if (range.until() != null) {
            bounds.add(at.lt(val(utc(range.until()))));
        }
        return bounds;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
