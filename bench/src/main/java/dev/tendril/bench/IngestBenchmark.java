package dev.tendril.bench;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench/run ingest}: the real server jar against its own fresh PostgreSQL, loaded with
 * /v1/batch requests of 100 events. Measures committed events/s at full load, batch latency at
 * half that rate (or at {@code --paced-rate}) and the server's heap, then the rate of a raw COPY of equivalent rows into the
 * same table of the same database, the ceiling the server's ingestion is compared with.
 */
final class IngestBenchmark {
    private static final long COPY_WORKSPACE_ID = 1_000_000L;
    /** Fewer rows than this COPY too fast to time well. */
    private static final long MIN_COPY_ROWS = 100_000;
    /** The paced phase follows the full-load phase; its first seconds still carry that phase's vacuum, analyze and checkpoint. */
    private static final Duration SETTLING = Duration.ofSeconds(10);
    private static final Duration WARM_PACED = Duration.ofSeconds(10);

    /** {@code pacedRate}: events/s of the paced phase; 0 for half the maximum measured. */
    record Options(int clients, Duration warmup, Duration duration, Duration paced, int pacedRate, int copyThreads, int people,
            Path serverJar) {
        static Options from(Flags flags) {
            return new Options(flags.integer("clients", 16), flags.seconds("warmup", 60), flags.seconds("duration", 30),
                    flags.seconds("paced", 20), flags.integer("paced-rate", 0), flags.integer("copy-threads", 4),
                    flags.integer("people", 100_000), Path.of(flags.string("server-jar", "server/target/tendril.jar")));
        }
    }

    private final Options options;

    IngestBenchmark(Options options) {
        this.options = options;
    }

    void run() throws Exception {
        String writeKey = "wk_" + randomToken();
        String secretKey = "sk_" + randomToken();
        say("Starting PostgreSQL and the server (%s) ...", options.serverJar());
        try (Database db = Database.start()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(db)));
            ServerProcess server = ServerProcess.start(options.serverJar(), db.jdbcUrl(), writeKey, secretKey, List.of("-Xmx512m"));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            LoadGenerator.PhaseResult warmup;
            LoadGenerator.PhaseResult warmPaced;
            LoadGenerator.PhaseResult max;
            LoadGenerator.PhaseResult paced;
            Percentiles scoreLatency;
            long backlog;
            long segmentBacklog;
            double scoreDrainSeconds;
            double drainSeconds;
            List<String> drainStatements;
            int scoreMissed;
            Cpu cpu;
            List<String> dbActivity;
            List<String> statements;
            Cpu pacedCpu;
            List<String> pacedActivity;
            List<String> pacedStatements;
            List<String> pacedSlowMoments;
            String pacedPressure;
            long heapBytes;
            long stored;
            double pacedRate;
            try (HeapSampler heap = new HeapSampler(server.base, secretKey)) {
                LoadGenerator load = new LoadGenerator(server.base, writeKey, options.people());
                say("Warm-up: %d clients for %d s, then paced for %d s, with the score probes ...", options.clients(),
                        options.warmup().toSeconds(), WARM_PACED.toSeconds());
                // Every path the measured phases take gets compiled here: until the eleventh session the probes' REST
                // calls and the paced scheduler first ran in the paced phase, and C2 compiled them during its first seconds.
                try (ScoreProbe warming = new ScoreProbe(server.base, writeKey, secretKey)) {
                    warmup = load.closedLoop(options.clients(), options.warmup());
                    warmPaced = load.paced(warmup.eventsPerSecond() / 2, WARM_PACED);
                }
                say("Max throughput: %d clients for %d s ...", options.clients(), options.duration().toSeconds());
                StatementTimes.reset(db);
                try (DbActivitySampler activity = new DbActivitySampler(db)) {
                    Cpu before = Cpu.now(server, db);
                    max = load.closedLoop(options.clients(), options.duration());
                    cpu = Cpu.now(server, db).minus(before, max.seconds());
                    dbActivity = activity.top(12);
                }
                statements = StatementTimes.top(db, 15);
                backlog = db.count("select count(distinct contact_id) from score_pending");
                segmentBacklog = db.count("select coalesce(sum(cardinality(contact_ids)), 0) from segment_pending");
                say("Waiting for scoring and segments to catch up ...");
                StatementTimes.reset(db);
                long drainStart = System.nanoTime();
                scoreDrainSeconds = drainSeconds(db, List.of("score_pending"), drainStart);
                // Stage moves and score changes queue more rescores and segment re-evaluations: all three empty at once.
                drainSeconds = drainSeconds(db, List.of("score_pending", "stage_pending", "segment_pending"), drainStart);
                drainStatements = StatementTimes.top(db, 10);
                pacedRate = options.pacedRate() > 0 ? options.pacedRate() : max.eventsPerSecond() / 2;
                say("Paced at %.0f events/s for %d s ...", pacedRate, options.paced().toSeconds());
                StatementTimes.reset(db);
                ScoreProbe probe = new ScoreProbe(server.base, writeKey, secretKey);
                try (DbActivitySampler activity = new DbActivitySampler(db); PressureSampler pressure = new PressureSampler()) {
                    Cpu before = Cpu.now(server, db);
                    paced = load.paced(pacedRate, options.paced());
                    pacedCpu = Cpu.now(server, db).minus(before, paced.seconds());
                    pacedActivity = activity.top(12);
                    pacedPressure = pressure.between(Long.MIN_VALUE, Long.MAX_VALUE);
                    pacedSlowMoments = slowMoments(paced, activity, pressure);
                } finally {
                    probe.close(); // joins the probe threads: their counts are final after this
                }
                pacedStatements = StatementTimes.top(db, 12);
                scoreLatency = probe.latency();
                scoreMissed = probe.missed();
                heapBytes = heap.maxBytes();
                // The score probe's own identify and track calls are not the load's.
                stored = db.count("select count(*) from event e join workspace w on w.id = e.workspace_id where w.slug = 'bench'"
                        + " and (e.user_id is null or e.user_id not like 'probe-%')");
            } finally {
                server.close();
            }
            long acknowledged = warmup.committedEvents() + warmPaced.committedEvents() + max.committedEvents() + paced.committedEvents();
            long copyRows = Math.max(MIN_COPY_ROWS, max.committedEvents());
            say("Raw COPY baseline: %d rows in batches of %d from %d threads ...", copyRows, LoadGenerator.BATCH_SIZE, options.copyThreads());
            CopyBaseline.Result copy = CopyBaseline.run(db, COPY_WORKSPACE_ID, copyRows, options.copyThreads(), options.people());

            boolean verified = stored == acknowledged;
            report(max, paced, pacedRate, cpu, dbActivity, statements, copy, heapBytes, stored, acknowledged, server.log());
            profile("paced phase      ", pacedCpu, pacedActivity, pacedStatements);
            say("                 %s", pacedPressure);
            Percentiles settled = paced.latencyAfter(SETTLING);
            say("                 batches started after its first %d s: p50 %.1f ms, p99 %.1f ms (%,d batches)", SETTLING.toSeconds(),
                    settled.millis(50), settled.millis(99), settled.count());
            say("                 its slowest seconds, and what PostgreSQL's connections were doing in each:");
            pacedSlowMoments.forEach(line -> say("                   %s", line));
            say("score backlog    %,d contacts waiting for a rescore and %,d segment re-evaluations when the max phase ended;"
                    + " rescores drained in %.1f s, all real-time work in %.1f s, before the paced phase", backlog, segmentBacklog, scoreDrainSeconds, drainSeconds);
            say("                 PostgreSQL time by statement while it drained:");
            drainStatements.forEach(line -> say("                   %s", line));
            say("score visible    p50 %.0f ms, p99 %.0f ms after the event's 200, while ingesting at the paced rate (%d probes, %d missed)",
                    scoreLatency.millis(50), scoreLatency.millis(99), scoreLatency.count(), scoreMissed);
            System.out.println(String.format(Locale.ROOT,
                    "RESULT ingest events_per_s=%d copy_events_per_s=%d copy_ratio=%.2f p50_ms=%.1f p99_ms=%.1f failed=%d heap_mb=%d score_p99_ms=%.0f",
                    Math.round(max.eventsPerSecond()), Math.round(copy.rowsPerSecond()), max.eventsPerSecond() / copy.rowsPerSecond(),
                    paced.latency().millis(50), paced.latency().millis(99), max.failedBatches() + paced.failedBatches(),
                    Math.round(heapBytes / 1048576.0), scoreLatency.millis(99)));
            if (!verified) {
                System.exit(1);
            }
        }
    }

    private void report(LoadGenerator.PhaseResult max, LoadGenerator.PhaseResult paced, double pacedRate, Cpu cpu, List<String> dbActivity,
            List<String> statements, CopyBaseline.Result copy, long heapBytes, long stored, long acknowledged, Path log) {
        say("");
        say("== Ingestion (%d cores, %d clients, %d-event batches, %d people) ==", Runtime.getRuntime().availableProcessors(),
                options.clients(), LoadGenerator.BATCH_SIZE, options.people());
        say("max throughput   %,.0f events/s committed (%,d batches ok, %d failed, %d retries after 503 in %.1f s)",
                max.eventsPerSecond(), max.okBatches(), max.failedBatches(), max.retries(), max.seconds());
        say("                 batch latency under full load: p50 %.1f ms, p99 %.1f ms", max.latency().millis(50), max.latency().millis(99));
        profile("                 ", cpu, dbActivity, statements);
        say("paced at %,.0f/s  %,.0f events/s committed (%,d batches ok, %d failed, %d retries); batch latency p50 %.1f ms, p99 %.1f ms",
                pacedRate, paced.eventsPerSecond(), paced.okBatches(), paced.failedBatches(), paced.retries(),
                paced.latency().millis(50), paced.latency().millis(99));
        say("raw COPY         %,.0f rows/s (%,d rows in %.1f s; cores busy: PostgreSQL %.2f, whole machine %.2f)", copy.rowsPerSecond(),
                copy.rows(), copy.seconds(), copy.postgresCpu() / copy.seconds(), copy.machineCpu() / copy.seconds());
        say("ratio            %.2f of raw COPY", max.eventsPerSecond() / copy.rowsPerSecond());
        say("server heap      max %.0f MB used (-Xmx512m)", heapBytes / 1048576.0);
        say("verification     %,d events in the table, %,d acknowledged: %s", stored, acknowledged,
                stored == acknowledged ? "match" : "MISMATCH");
        for (var failures : List.of(max.failures(), paced.failures())) {
            failures.forEach((reason, n) -> say("failure x%d: %s", n, reason));
        }
        say("server log       %s", log);
    }

    /** The paced phase's five worst seconds (by their slowest batch), each with the connection states sampled in it. */
    private static List<String> slowMoments(LoadGenerator.PhaseResult paced, DbActivitySampler activity, PressureSampler pressure) {
        List<String> lines = new ArrayList<>();
        for (LoadGenerator.Second s : paced.worstSeconds(5)) {
            lines.add(String.format(Locale.ROOT, "second %d: %d batches, %d over 100 ms, slowest %.0f ms", s.index(), s.batches(), s.slow(),
                    s.maxMillis()));
            // The slowest batch started in this second; what held it up may have begun a little earlier.
            long from = s.startNanos() - 500_000_000L;
            long to = s.startNanos() + (long) (s.maxMillis() * 1e6) + 1_000_000_000L;
            lines.add("    " + pressure.between(from, to));
            activity.topBetween(from, to, 6).forEach(line -> lines.add("    " + line));
        }
        return lines;
    }

    /**
     * Seconds from {@code start} until the {@code queues} are empty (at most 300 s): whether any row is left, not how many,
     * as counting the backlog would take from the drain it measures.
     */
    private static double drainSeconds(Database db, List<String> queues, long start) throws Exception {
        String anyLeft = "select count(*) from (" + String.join(" union all ",
                queues.stream().map(q -> "(select 1 from " + q + " limit 1)").toList()) + ") p";
        while (db.count(anyLeft) > 0 && System.nanoTime() - start < 300e9) {
            Thread.sleep(200);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Where a phase's time went: CPU per party, what PostgreSQL's connections were doing, and its time per statement. */
    private static void profile(String label, Cpu cpu, List<String> activity, List<String> statements) {
        say("%sCPU (cores busy): server JVM %.2f, PostgreSQL %.2f, load generator %.2f, whole machine %.2f",
                label, cpu.server(), cpu.postgres(), cpu.client(), cpu.machine());
        say("                 PostgreSQL connections by state (average count | wait event or state | statement):");
        activity.forEach(line -> say("                   %s", line));
        say("                 PostgreSQL time by statement (pg_stat_statements: share of planning + execution):");
        statements.forEach(line -> say("                   %s", line));
    }

    /** CPU seconds so far, or (after {@link #minus}) cores busy over an interval. */
    private record Cpu(double server, double postgres, double client, double machine) {
        static Cpu now(ServerProcess server, Database db) {
            return new Cpu(CpuMeter.seconds(server.pid()), CpuMeter.treeSeconds(db.postmasterPid()), CpuMeter.self(), CpuMeter.machine());
        }

        Cpu minus(Cpu before, double seconds) {
            return new Cpu((server - before.server) / seconds, (postgres - before.postgres) / seconds, (client - before.client) / seconds,
                    (machine - before.machine) / seconds);
        }
    }

    static String randomToken() {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    static void closeQuietly(Database db) {
        try {
            db.close();
        } catch (Exception e) {
            // shutting down anyway
        }
    }

    static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
