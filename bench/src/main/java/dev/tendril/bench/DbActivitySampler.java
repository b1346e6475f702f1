package dev.tendril.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the database time goes: samples {@code pg_stat_activity} every 50 ms and counts what each
 * busy connection (and autovacuum worker, whose query reads "autovacuum: …") is doing (the statement and its wait event, or idle inside a transaction while
 * the JVM works), and the checkpointer while it writes or syncs. A count divided by the number of samples is the average
 * number of connections in that state. Each sample is also kept with its time, so a slow moment can be looked up.
 */
final class DbActivitySampler implements AutoCloseable {
    private static final String SAMPLE = """
            select case when state = 'active' then coalesce(wait_event_type || ':' || wait_event, 'on CPU') else state end,
                   left(regexp_replace(query, '\\s+', ' ', 'g'), 110)
            from pg_stat_activity
            where backend_type in ('client backend', 'autovacuum worker') and state in ('active', 'idle in transaction')
              and pid <> pg_backend_pid()
            union all
            select 'checkpointer', coalesce(wait_event_type || ':' || wait_event, 'on CPU')
            from pg_stat_activity where backend_type = 'checkpointer' and wait_event is distinct from 'CheckpointerMain'""";

    private final Connection connection;
    private final Thread thread;
    private final List<Sample> timeline = new ArrayList<>();

    private record Sample(long nanos, List<String> states) {}

    DbActivitySampler(Database db) throws SQLException {
        this.connection = db.connect();
        this.thread = Thread.ofPlatform().daemon().name("db-sampler").start(this::loop);
    }

    private void loop() {
        try (Statement statement = connection.createStatement()) {
            while (!Thread.currentThread().isInterrupted()) {
                try (ResultSet rs = statement.executeQuery(SAMPLE)) {
                    List<String> states = new ArrayList<>();
                    while (rs.next()) {
                        states.add(rs.getString(1) + " | " + rs.getString(2));
                    }
                    synchronized (this) {
                        timeline.add(new Sample(System.nanoTime(), states));
                    }
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException | SQLException e) {
            // stopped
        }
    }

    /** The {@code limit} most frequent states, each with the average number of connections in it. */
    List<String> top(int limit) {
        return topBetween(Long.MIN_VALUE, Long.MAX_VALUE, limit);
    }

    /** As {@link #top}, over the samples taken between two {@link System#nanoTime} readings. */
    synchronized List<String> topBetween(long fromNanos, long toNanos, int limit) {
        List<Sample> window = timeline.stream().filter(s -> s.nanos() >= fromNanos && s.nanos() < toNanos).toList();
        Map<String, Integer> counts = new HashMap<>();
        window.forEach(s -> s.states().forEach(state -> counts.merge(state, 1, Integer::sum)));
        int n = Math.max(1, window.size());
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
