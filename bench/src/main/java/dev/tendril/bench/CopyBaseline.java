package dev.tendril.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The floor under ingestion: the same rows the server stores, COPYed straight into the same
 * partitioned {@code event} table (under another workspace id), 100 rows per COPY and commit as
 * the server commits one batch, with no parsing, identity resolution, dedup or counters.
 */
final class CopyBaseline {
    private static final String COPY = "copy event (workspace_id, contact_id, type, name, message_id, user_id, anonymous_id, "
            + "occurred_at, received_at, sent_at, original_timestamp, properties, traits, context, integrations) from stdin";

    /** Rows copied, wall time, and the CPU seconds PostgreSQL and the whole machine used meanwhile. */
    record Result(long rows, double seconds, double postgresCpu, double machineCpu) {
        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    private CopyBaseline() {}

    static Result run(Database db, long workspaceId, long rows, int threads, int people) throws Exception {
        AtomicLong remaining = new AtomicLong(rows / LoadGenerator.BATCH_SIZE);
        AtomicLong copied = new AtomicLong();
        List<Exception> errors = new CopyOnWriteArrayList<>();
        List<Connection> connections = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                Connection connection = db.connect();
                connection.setAutoCommit(false);
                connections.add(connection);
            }
            // Backends are measured while still connected: a closed backend's CPU time is gone from /proc.
            double postgres0 = CpuMeter.treeSeconds(db.postmasterPid());
            double machine0 = CpuMeter.machine();
            long start = System.nanoTime();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Connection connection = connections.get(t);
                long seed = 1000 + t;
                workers.add(Thread.ofPlatform().name("copy-" + t).start(() -> {
                    EventGenerator generator = new EventGenerator(people, seed);
                    SplittableRandom random = new SplittableRandom(seed);
                    try {
                        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                        while (remaining.getAndDecrement() > 0) {
                            Instant now = Instant.now();
                            StringBuilder text = new StringBuilder(LoadGenerator.BATCH_SIZE * 1200);
                            for (Event e : generator.events(LoadGenerator.BATCH_SIZE, now)) {
                                e.appendCopyRow(text, workspaceId, 1 + random.nextInt(people), now, now);
                            }
                            copied.addAndGet(copy.copyIn(COPY, new StringReader(text.toString())));
                            connection.commit();
                        }
                    } catch (Exception e) {
                        errors.add(e);
                    }
                }));
            }
            for (Thread w : workers) {
                w.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!errors.isEmpty()) {
                throw errors.getFirst();
            }
            return new Result(copied.get(), seconds, CpuMeter.treeSeconds(db.postmasterPid()) - postgres0, CpuMeter.machine() - machine0);
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }
}
