package dev.tendril.segment.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

import dev.tendril.segment.Condition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
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
 * Runs compiled conditions over a whole workspace. It reads the contact, company, event and
 * contact_score tables directly: batch evaluation cannot afford to go through the owning modules one contact at a time.
 */
@Repository
public class SegmentQueries {
    private static final DSLContext SQL = DSL.using(SQLDialect.POSTGRES, new Settings().withRenderSchema(false));

    private final JdbcClient jdbc;

    SegmentQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        CompileCondition compiler = new CompileCondition(workspaceId, now);
        List<SelectField<?>> columns = new ArrayList<>();
        columns.add(field("c.id", Long.class));
        conditions.forEach(c -> columns.add(DSL.field(compiler.compile(c))));
        Query query = from(SQL.select(columns), new Condition.Or(conditions), true)
                .where(field("c.workspace_id").eq(DSL.val(workspaceId))
                        .and(DSL.condition("c.id = any({0}::bigint[])", DSL.val(LongStream.of(among).boxed().toArray(Long[]::new)))));
        List<Set<Long>> out = new ArrayList<>();
        conditions.forEach(c -> out.add(new HashSet<>()));
        jdbc.sql(query.getSQL()).params(query.getBindValues()).query(rs -> {
            for (int i = 0; i < conditions.size(); i++) {
                if (rs.getBoolean(i + 2)) {
                    out.get(i).add(rs.getLong(1));
                }
            }
        });
        return out;
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
    public static Query matching(long workspaceId, Condition condition, Instant now, long[] among) {
        org.jooq.Condition where = where(workspaceId, condition, now);
        if (among != null) {
            where = where.and(DSL.condition("c.id = any({0}::bigint[])", DSL.val(LongStream.of(among).boxed().toArray(Long[]::new))));
        }
        return from(SQL.select(field("c.id", Long.class)), condition, among != null).where(where);
    }

    /** The SQL of a condition, for logs and tests. */
    public static String sql(long workspaceId, Condition condition, Instant now) {
        return from(SQL.select(field("c.id", Long.class)), condition).where(where(workspaceId, condition, now)).getSQL();
    }

    private static <R extends org.jooq.Record> SelectJoinStep<R> from(org.jooq.SelectSelectStep<R> select, Condition condition) {
        return from(select, condition, false);
    }

    /**
     * {@code amongFew}: the query is limited to given contacts, so their scores are probed one by one
     * (a lateral lookup the planner cannot turn into a hash join over the whole score table, as it did
     * for a few hundred contacts once the table had grown).
     */
    private static <R extends org.jooq.Record> SelectJoinStep<R> from(org.jooq.SelectSelectStep<R> select, Condition condition,
            boolean amongFew) {
        SelectJoinStep<R> from = select.from(table("contact").as("c"));
        if (CompileCondition.readsCompany(condition)) {
            from = from.leftJoin(table("company").as("co")).on(field("co.id").eq(field("c.company_id")));
        }
        if (CompileCondition.readsScores(condition)) {
            from = amongFew
                    ? from.leftJoin(DSL.lateral(DSL.select(DSL.asterisk()).from(table("contact_score").as("x"))
                            .where(field("x.contact_id").eq(field("c.id"))).limit(1)).as("cs")).on(DSL.trueCondition())
                    : from.leftJoin(table("contact_score").as("cs")).on(field("cs.contact_id").eq(field("c.id")));
        }
        return from;
    }

    private static org.jooq.Condition where(long workspaceId, Condition condition, Instant now) {
        return field("c.workspace_id").eq(DSL.val(workspaceId)).and(new CompileCondition(workspaceId, now).compile(condition));
    }
}
