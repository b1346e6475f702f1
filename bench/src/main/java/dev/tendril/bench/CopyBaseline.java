package dev.tendril.bench;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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

    record Result(long rows, double seconds) {
        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    private CopyBaseline() {}

    static Result run(Database db, long workspaceId, long rows, int threads, int people) throws Exception {
        AtomicLong remaining = new AtomicLong(rows / LoadGenerator.BATCH_SIZE);
        AtomicLong copied = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        List<Exception> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            long seed = 1000 + t;
            workers.add(Thread.ofPlatform().name("copy-" + t).start(() -> {
                EventGenerator generator = new EventGenerator(people, seed);
                SplittableRandom random = new SplittableRandom(seed);
                try (Connection connection = db.connect()) {
                    connection.setAutoCommit(false);
                    CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                    while (remaining.getAndDecrement() > 0) {
                        Instant now = Instant.now();
                        StringBuilder text = new StringBuilder(LoadGenerator.BATCH_SIZE * 1200);
                        for (Event e : generator.events(LoadGenerator.BATCH_SIZE, now)) {
                            e.appendCopyRow(text, workspaceId, 1 + random.nextInt(people), now, now);
                        }
                        copied.addAndGet(copy.copyIn(COPY, new java.io.StringReader(text.toString())));
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
        if (!errors.isEmpty()) {
            throw errors.getFirst();
        }
        return new Result(copied.get(), (System.nanoTime() - start) / 1e9);
    }
}
