package dev.tendril.condition.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

import dev.tendril.condition.Condition;
import dev.tendril.condition.ContactSnapshot.Scores;
import dev.tendril.condition.DerivedTable;
import dev.tendril.condition.EventTests;
import dev.tendril.platform.QueryTimeout;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.SelectField;
import org.jooq.SelectJoinStep;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Runs compiled conditions over a whole workspace. It reads the contact, company, event and subscription tables
 * of the modules below, and the derived tables of those above ({@link DerivedTables}), directly: batch evaluation
 * cannot afford to go through the owning modules one contact at a time.
 */
@Repository
public class ConditionQueries {
    private static final DSLContext SQL = DSL.using(SQLDialect.POSTGRES, new Settings().withRenderSchema(false));

    private final JdbcClient jdbc;
    private final DerivedTables tables;

    ConditionQueries(JdbcClient jdbc, DerivedTables tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    /** Bounds the statements of the caller's transaction (a preview a user is shaping). */
    public void boundTime(Duration timeout) {
        QueryTimeout.inThisTransaction(jdbc, timeout);
    }

    public List<Long> matchingContactIds(long workspaceId, Condition condition, Instant now) {
        Query query = from(SQL.select(field("c.id", Long.class)), condition)
                .where(where(workspaceId, condition, now)).orderBy(field("c.id"));
        return jdbc.sql(query.getSQL()).params(query.getBindValues()).query(Long.class).list();
    }

    /**
     * For each condition, which of these contacts match, in one query: one boolean column per condition
     * (each compiled test is two-valued), so a set of conditions costs one plan and one pass over the contacts.
     */
    public List<Set<Long>> matchingEach(long workspaceId, List<Condition> conditions, Instant now, long[] among) {
        return matchingEach(workspaceId, conditions, now, among, EventTests.NONE);
    }

    /**
     * As {@link #matchingEach(long, List, Instant, long[])}, with the event tests {@code known} covers taken from
     * it: the parts of a condition without such a test are columns of the query, and the boolean operators
     * above those tests are applied here (every compiled test is two-valued, so this is what the SQL would do).
     */
    public List<Set<Long>> matchingEach(long workspaceId, List<Condition> conditions, Instant now, long[] among, EventTests known) {
        CompileCondition compiler = new CompileCondition(tables, workspaceId, now);
        List<org.jooq.Condition> compiled = new ArrayList<>();
        List<Truth> truths = conditions.stream().map(c -> Truth.of(c, known, compiler, compiled)).toList();
        List<SelectField<?>> columns = new ArrayList<>();
        columns.add(field("c.id", Long.class));
        compiled.forEach(c -> columns.add(DSL.field(c)));
        Query query = from(SQL.select(columns), new Condition.Or(conditions), true)
                .where(field("c.workspace_id").eq(DSL.val(workspaceId))
                        .and(DSL.condition("c.id = any({0}::bigint[])", DSL.val(LongStream.of(among).boxed().toArray(Long[]::new)))));
        List<Set<Long>> out = new ArrayList<>();
        conditions.forEach(c -> out.add(new HashSet<>()));
        boolean[] row = new boolean[compiled.size()];
        jdbc.sql(query.getSQL()).params(query.getBindValues()).query(rs -> {
            long id = rs.getLong(1);
            for (int i = 0; i < row.length; i++) {
                row[i] = rs.getBoolean(i + 2);
            }
            for (int i = 0; i < truths.size(); i++) {
                if (truths.get(i).holds(id, row)) {
                    out.get(i).add(id);
                }
            }
        });
        return out;
    }

    /** How a condition's truth is put together from the query's columns and the known event tests. */
    private sealed interface Truth {
        boolean holds(long contactId, boolean[] columns);

        record Column(int index) implements Truth {
            @Override
            public boolean holds(long contactId, boolean[] columns) {
                return columns[index];
            }
        }

        record Known(EventTests tests, Condition.Event test) implements Truth {
            @Override
            public boolean holds(long contactId, boolean[] columns) {
                return tests.holds(test, contactId);
            }
        }

        record All(List<Truth> parts) implements Truth {
            @Override
            public boolean holds(long contactId, boolean[] columns) {
                for (Truth part : parts) {
                    if (!part.holds(contactId, columns)) {
                        return false;
                    }
                }
                return true;
            }
        }

        record Any(List<Truth> parts) implements Truth {
            @Override
            public boolean holds(long contactId, boolean[] columns) {
                for (Truth part : parts) {
                    if (part.holds(contactId, columns)) {
                        return true;
                    }
                }
                return false;
            }
        }

        record None(Truth part) implements Truth {
            @Override
            public boolean holds(long contactId, boolean[] columns) {
                return !part.holds(contactId, columns);
            }
        }

        /** A condition reading no known test becomes one column (appended to {@code columns}); the others are taken apart. */
        static Truth of(Condition condition, EventTests known, CompileCondition compiler, List<org.jooq.Condition> columns) {
            if (eventTestsOf(condition).noneMatch(known::covers)) {
                columns.add(compiler.compile(condition));
                return new Column(columns.size() - 1);
            }
            return switch (condition) {
                case Condition.And a -> new All(a.all().stream().map(c -> of(c, known, compiler, columns)).toList());
                case Condition.Or o -> new Any(o.any().stream().map(c -> of(c, known, compiler, columns)).toList());
                case Condition.Not n -> new None(of(n.condition(), known, compiler, columns));
                case Condition.Event e -> new Known(known, e);
                default -> throw new IllegalStateException("not an operator or event test: " + condition);
            };
        }
    }

    /**
     * Every event test of these conditions for every contact of the workspace, as of {@code now}: one pass over
     * the workspace's events, grouped by contact, reading only rows some test reads, and for each test the
     * contacts whose truth differs from a contact's without events, as one array. One row comes back, so the
     * pass may run in parallel (a result fetched in pages may not); the grouping is given memory enough not to
     * spill to disk, and bitmap scans are off (in the caller's transaction).
     */
    public EventTests eventTests(long workspaceId, Collection<Condition> conditions, Instant now) {
        List<Condition.Event> tests = conditions.stream().flatMap(ConditionQueries::eventTestsOf).distinct().toList();
        if (tests.isEmpty()) {
            return new EventTests(now, Map.of());
        }
        CompileCondition compiler = new CompileCondition(tables, workspaceId, now);
        boolean[] withoutEvents = new boolean[tests.size()];
        List<SelectField<?>> columns = new ArrayList<>();
        columns.add(field("ev.contact_id", Long.class).as("id"));
        List<SelectField<?>> otherwise = new ArrayList<>();
        for (int i = 0; i < tests.size(); i++) {
            withoutEvents[i] = CompileCondition.truthWithoutEvents(tests.get(i));
            columns.add(DSL.field(compiler.eventTruth(tests.get(i))).as("t" + i));
            otherwise.add(DSL.field("array_agg(g.id) filter (where g.t{0} <> {1})", Long[].class, DSL.inline(i),
                    DSL.inline(withoutEvents[i])));
        }
        Query query = SQL.select(otherwise).from(SQL.select(columns).from(table("event").as("ev"))
                .where(DSL.or(tests.stream().map(compiler::eventRows).toList()))
                .groupBy(field("ev.contact_id")).asTable("g"));
        jdbc.sql("set local work_mem = '256MB'").update();
        // Rare event names look selective, and the planner then ORs one bitmap scan per test over every partition's
        // index: seven passes over the indexes instead of one over the rows.
        jdbc.sql("set local enable_bitmapscan = off").update();
        Map<Condition.Event, EventTests.Truth> truths = new HashMap<>();
        jdbc.sql(query.getSQL()).params(query.getBindValues()).query(rs -> {
            for (int i = 0; i < tests.size(); i++) {
                truths.put(tests.get(i), new EventTests.Truth(withoutEvents[i], sortedIds(rs.getArray(i + 1))));
            }
        });
        return new EventTests(now, truths);
    }

    private static long[] sortedIds(java.sql.Array array) throws SQLException {
        if (array == null) {
            return new long[0];
        }
        Long[] boxed = (Long[]) array.getArray();
        long[] ids = new long[boxed.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = boxed[i];
        }
        Arrays.sort(ids);
        return ids;
    }

    private static Stream<Condition.Event> eventTestsOf(Condition condition) {
        return switch (condition) {
            case Condition.And a -> a.all().stream().flatMap(ConditionQueries::eventTestsOf);
            case Condition.Or o -> o.any().stream().flatMap(ConditionQueries::eventTestsOf);
            case Condition.Not n -> eventTestsOf(n.condition());
            case Condition.Event e -> Stream.of(e);
            default -> Stream.empty();
        };
    }

    public long count(long workspaceId, Condition condition, Instant now) {
        Query query = from(SQL.selectCount(), condition).where(where(workspaceId, condition, now));
        return jdbc.sql(query.getSQL()).params(query.getBindValues()).query(Long.class).single();
    }

    /** Up to {@code limit} matching contacts, lowest ids first (a preview's sample). */
    public List<Long> sample(long workspaceId, Condition condition, Instant now, int limit) {
        Query query = from(SQL.select(field("c.id", Long.class)), condition)
                .where(where(workspaceId, condition, now)).orderBy(field("c.id")).limit(limit);
        return jdbc.sql(query.getSQL()).params(query.getBindValues()).query(Long.class).list();
    }

    /**
     * The query selecting the ids of matching contacts (column {@code id}, unordered), among the given
     * contacts only when {@code among} is not null: to embed in a larger statement.
     */
    public Query matching(long workspaceId, Condition condition, Instant now, long[] among) {
        org.jooq.Condition where = where(workspaceId, condition, now);
        if (among != null) {
            where = where.and(DSL.condition("c.id = any({0}::bigint[])", DSL.val(LongStream.of(among).boxed().toArray(Long[]::new))));
        }
        return from(SQL.select(field("c.id", Long.class)), condition, among != null).where(where);
    }

    /** The SQL of a condition, for logs and tests. */
    public String sql(long workspaceId, Condition condition, Instant now) {
        return from(SQL.select(field("c.id", Long.class)), condition).where(where(workspaceId, condition, now)).getSQL();
    }

    private <R extends org.jooq.Record> SelectJoinStep<R> from(org.jooq.SelectSelectStep<R> select, Condition condition) {
        return from(select, condition, false);
    }

    /**
     * {@code amongFew}: the query is limited to given contacts, so their scores are probed one by one
     * (a lateral lookup the planner cannot turn into a hash join over the whole score table, as it did
     * for a few hundred contacts once the table had grown).
     */
    private <R extends org.jooq.Record> SelectJoinStep<R> from(org.jooq.SelectSelectStep<R> select, Condition condition,
            boolean amongFew) {
        SelectJoinStep<R> from = select.from(table("contact").as("c"));
        if (CompileCondition.readsCompany(condition)) {
            from = from.leftJoin(table("company").as("co")).on(field("co.id").eq(field("c.company_id")));
        }
        if (CompileCondition.readsScores(condition)) {
            String scores = tables.scores().table();
            from = amongFew
                    ? from.leftJoin(DSL.lateral(DSL.select(DSL.asterisk()).from(table(scores).as("x"))
                            .where(field("x.contact_id").eq(field("c.id"))).limit(1)).as("cs")).on(DSL.trueCondition())
                    : from.leftJoin(table(scores).as("cs")).on(field("cs.contact_id").eq(field("c.id")));
        }
        return from;
    }

    private org.jooq.Condition where(long workspaceId, Condition condition, Instant now) {
        return field("c.workspace_id").eq(DSL.val(workspaceId)).and(new CompileCondition(tables, workspaceId, now).compile(condition));
    }

    /** The stored scores of those of these contacts that have them, exactly as the compiled SQL reads them. */
    public Map<Long, Scores> scores(long workspaceId, Collection<Long> contactIds) {
        DerivedTable.Scores t = tables.scores();
        Map<Long, Scores> out = new HashMap<>();
        if (contactIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select contact_id, " + String.join(", ", t.score(), t.fitScore(), t.engagementScore(), t.grade(), t.temperature())
                        + " from " + t.table() + " where workspace_id = ? and contact_id = any(?)")
                .params(workspaceId, contactIds.stream().mapToLong(Long::longValue).toArray())
                .query(rs -> {
                    out.put(rs.getLong(1), new Scores(rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getString(5),
                            rs.getString(6)));
                });
        return out;
    }

    /** The lists or segments each of these contacts is in, by contact id. */
    Map<Long, Set<Long>> memberships(DerivedTable.Memberships.Of of, long workspaceId, List<Long> contactIds) {
        DerivedTable.Memberships table = of == DerivedTable.Memberships.Of.LISTS ? tables.lists() : tables.segments();
        Map<Long, Set<Long>> out = new HashMap<>();
        jdbc.sql("select contact_id, " + table.setColumn() + " from " + table.table() + " where workspace_id = ? and contact_id = any(?)")
                .params(workspaceId, contactIds.stream().mapToLong(Long::longValue).toArray())
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
                });
        return out;
    }
}
