package dev.tendril.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the database time goes: samples {@code pg_stat_activity} every 50 ms and counts what each
 * busy connection (and autovacuum worker, whose query reads "autovacuum: …") is doing (the statement and its wait event, or idle inside a transaction while
 * the JVM works). A count divided by the number of samples is the average number of connections
 * in that state.
 */
final class DbActivitySampler implements AutoCloseable {
    private static final String SAMPLE = """
            select case when state = 'active' then coalesce(wait_event_type || ':' || wait_event, 'on CPU') else state end,
                   left(regexp_replace(query, '\\s+', ' ', 'g'), 110)
            from pg_stat_activity
            where backend_type in ('client backend', 'autovacuum worker') and state in ('active', 'idle in transaction')
              and pid <> pg_backend_pid()""";

    private final Connection connection;
    private final Thread thread;
    private final Map<String, Integer> counts = new HashMap<>();
    private int samples;

    DbActivitySampler(Database db) throws SQLException {
        this.connection = db.connect();
        this.thread = Thread.ofPlatform().daemon().name("db-sampler").start(this::loop);
    }

    private void loop() {
        try (Statement statement = connection.createStatement()) {
            while (!Thread.currentThread().isInterrupted()) {
                try (ResultSet rs = statement.executeQuery(SAMPLE)) {
                    synchronized (this) {
                        samples++;
                        while (rs.next()) {
                            counts.merge(rs.getString(1) + " | " + rs.getString(2), 1, Integer::sum);
                        }
                    }
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException | SQLException e) {
            // stopped
        }
    }

    /** The {@code limit} most frequent states, each with the average number of connections in it. */
    synchronized List<String> top(int limit) {
        int n = Math.max(1, samples);
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .map(e -> String.format(java.util.Locale.ROOT, "%5.2f  %s", e.getValue() / (double) n, e.getKey())).toList();
    }

    @Override
    public void close() throws Exception {
        thread.interrupt();
        thread.join(5000);
        connection.close();
    }
}
