package dev.tendril.bench;

import static dev.tendril.bench.IngestBenchmark.say;

import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * {@code bench/run scoring}: a workspace rescore after a model change, over a large generated workspace,
 * timed from the {@code PUT /api/v1/scoring/model} to the job's completion as the API reports it. The
 * baseline is the floor under it: COPYing the same number of score rows (with a real stored result)
 * into a copy of the score table.
 */
final class ScoringBenchmark {
    record Options(int contacts, long events, long seed, Path serverJar) {
        static Options from(Flags flags) {
            return new Options(flags.integer("contacts", 1_000_000), flags.integer("events", 20_000_000), flags.integer("seed", 7),
                    Path.of(flags.string("server-jar", "server/target/tendril.jar")));
        }
    }

    private final Options options;

    ScoringBenchmark(Options options) {
        this.options = options;
    }

    /** One background rescore after a model save: its time, the cores the server and PostgreSQL kept busy, and what PostgreSQL did. */
    private record Rescore(double seconds, double serverCores, double postgresCores, List<String> activity) {}

    void run() throws Exception {
        try (LargeWorkspace w = LargeWorkspace.start(options.serverJar(), options.contacts(), options.events(), options.seed())) {
            say("Saving the model (version 2): the workspace is scored in the background ...");
            Rescore first = rescore(w);
            long scored = w.db.count("select count(*) from contact_score where workspace_id = " + w.workspaceId + " and model_version = 2");
            long hot = w.db.count("select count(*) from contact_score where workspace_id = " + w.workspaceId + " and temperature = 'hot'");
            // First scores move people between stages, each move rescores its contact once more, and segments follow the new
            // scores and stages: let that settle first, so the model edit is measured on its own.
            long settleStart = System.nanoTime();
            while (w.db.count("select count(*) from (select 1 from score_pending union all select 1 from stage_pending "
                    + "union all select 1 from segment_pending limit 1) p") > 0) {
                Thread.sleep(200);
            }
            double settle = (System.nanoTime() - settleStart) / 1e9;
            // A marketer's model edit meets a workspace already scored: every score row is rewritten, not inserted.
            say("Saving the model again (version 3): every contact has a score to rewrite ...");
            Rescore again = rescore(w);
            long rescored = w.db.count("select count(*) from contact_score where workspace_id = " + w.workspaceId + " and model_version = 3");
            say("Raw COPY baseline: %,d score rows ...", scored);
            double copy = copyScores(w.db, scored);

            say("");
            say("== Workspace rescore (%d cores, %,d contacts, %,d events) ==", Runtime.getRuntime().availableProcessors(),
                    options.contacts(), options.events());
            say("first scores     %.1f s for %,d contacts (%,.0f contacts/s), %,d hot", first.seconds(), scored, scored / first.seconds(), hot);
            report(first);
            say("                 then %.1f s until the stage moves of the first scores, their rescores and the segments following them were done",
                    settle);
            say("rescore          %.1f s for %,d contacts already scored (%,.0f contacts/s)", again.seconds(), rescored,
                    rescored / again.seconds());
            report(again);
            say("raw COPY         %.1f s for the same number of score rows", copy);
            say("ratio            %.1f × the COPY time (first scores), %.1f × (rescore)", first.seconds() / copy, again.seconds() / copy);
            System.out.println(String.format(Locale.ROOT,
                    "RESULT scoring contacts=%d events=%d rescore_s=%.1f contacts_per_s=%.0f rescore_scored_s=%.1f scored_contacts_per_s=%.0f"
                            + " copy_s=%.1f copy_ratio=%.1f scored=%d",
                    options.contacts(), options.events(), first.seconds(), scored / first.seconds(), again.seconds(),
                    rescored / again.seconds(), copy, first.seconds() / copy, scored));
            if (scored != options.contacts() || rescored != options.contacts()) {
                System.exit(1);
            }
        }
    }

    private static Rescore rescore(LargeWorkspace w) throws Exception {
        long start = System.nanoTime();
        double serverCpu = CpuMeter.seconds(w.server.pid());
        double postgresCpu = CpuMeter.treeSeconds(w.db.postmasterPid());
        List<String> activity;
        try (DbActivitySampler sampler = new DbActivitySampler(w.db)) {
            w.call("PUT", "/api/v1/scoring/model", "{}");
            String status;
            do {
                Thread.sleep(200);
                status = LargeWorkspace.field(w.call("GET", "/api/v1/scoring/model", null), "status");
            } while (!"completed".equals(status));
            activity = sampler.top(8);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Rescore(seconds, (CpuMeter.seconds(w.server.pid()) - serverCpu) / seconds,
                (CpuMeter.treeSeconds(w.db.postmasterPid()) - postgresCpu) / seconds, activity);
    }

    private static void report(Rescore r) {
        say("                 CPU (cores busy): server JVM %.2f, PostgreSQL %.2f", r.serverCores(), r.postgresCores());
        say("                 PostgreSQL connections by state (average count | wait event or state | statement):");
        r.activity().forEach(line -> say("                   %s", line));
    }

    private static double copyScores(Database db, long rows) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            String explanation; // a real stored row's breakdown, fired rules and recommendations, as COPY text
            try (ResultSet rs = s.executeQuery("select concat_ws(E'\\t', breakdown, fired, fired_points, advice, advice_reasons) "
                    + "from contact_score order by cardinality(fired) desc, contact_id limit 1")) {
                rs.next();
                explanation = rs.getString(1).replace("\\", "\\\\");
            }
            s.execute("create table score_copy (like contact_score)");
            c.setAutoCommit(false);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            String at = Instant.now().toString();
            long start = System.nanoTime();
            StringBuilder text = new StringBuilder();
            for (long i = 1; i <= rows; i++) {
                text.append(i).append("\t1\t42.5\t20\t22.5\tC\tcold\t").append(explanation).append("\t2\t").append(at).append('\n');
                if (i % 20_000 == 0 || i == rows) {
                    copy.copyIn("copy score_copy (contact_id, workspace_id, score, fit_score, engagement_score, grade, temperature, breakdown, "
                            + "fired, fired_points, advice, advice_reasons, model_version, scored_at) from stdin", new StringReader(text.toString()));
                    text.setLength(0);
                }
            }
            c.commit();
            return (System.nanoTime() - start) / 1e9;
        }
    }
}
