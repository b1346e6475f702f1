package dev.tendril.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL's own account of its time ({@code pg_stat_statements}, preloaded by {@link Database}, with
 * planning tracked): per statement, planning plus execution since {@link #reset}. It complements
 * {@link DbActivitySampler}, which also sees lock waits and the JVM's time inside transactions.
 */
final class StatementTimes {
    private StatementTimes() {}

    static void reset(Database db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            s.execute("select pg_stat_statements_reset()");
        }
    }

    /**
     * The {@code n} statements that took the most time, as "share | calls | ms per call (of which planning) | statement",
     * after a line with planning's share of all of it.
     */
    static List<String> top(Database db, int n) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select 100 * sum(total_plan_time) / nullif(sum(total_exec_time + total_plan_time), 0), sum(calls)
                from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())""")) {
            rs.next();
            out.add(String.format(Locale.ROOT, "%5.1f%% %,9d calls in all: planning's share", rs.getDouble(1), rs.getLong(2)));
        }
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select 100 * (total_exec_time + total_plan_time) / nullif(sum(total_exec_time + total_plan_time) over (), 0),
                       calls, (total_exec_time + total_plan_time) / greatest(calls, 1), total_plan_time / greatest(calls, 1),
                       left(regexp_replace(query, '\\s+', ' ', 'g'), 100)
                from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
                order by total_exec_time + total_plan_time desc limit %d""".formatted(n))) {
            while (rs.next()) {
                out.add(String.format(Locale.ROOT, "%5.1f%% %,9d calls %7.2f ms/call (plan %.2f) | %s", rs.getDouble(1), rs.getLong(2),
                        rs.getDouble(3), rs.getDouble(4), rs.getString(5)));
            }
        }
        return out;
    }
}
