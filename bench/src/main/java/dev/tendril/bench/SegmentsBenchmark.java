package dev.tendril.bench;

import static dev.tendril.bench.IngestBenchmark.say;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;

/**
 * {@code bench/run segments}: over a large generated workspace, the full computation of a new segment
 * (an event count in a window AND two attribute conditions; {@code POST /api/v1/segments} computes it
 * before answering) and the preview count of the same condition, against the baseline of the same count
 * written by hand in SQL and run straight on the database.
 */
final class SegmentsBenchmark {
    static final String CONDITION = """
            {"and": [{"event": "Content Downloaded", "count": {"op": "at_least", "value": 2}, "within": {"days": 30}},
                     {"attribute": "title", "op": "contains", "value": "VP"},
                     {"attribute": "attributes.plan", "op": "eq", "value": "enterprise"}]}""";
    static final String HAND_WRITTEN = """
            select count(*) from contact c
            where c.workspace_id = ? and c.title ilike '%VP%' and lower(c.attributes->>'plan') = 'enterprise'
              and (select count(*) from event e where e.workspace_id = c.workspace_id and e.contact_id = c.id and e.type = 'track'
                   and e.name = 'Content Downloaded' and e.occurred_at >= now() - interval '30 days') >= 2""";
    private static final int RUNS = 3;

    private final ScoringBenchmark.Options options;

    SegmentsBenchmark(ScoringBenchmark.Options options) {
        this.options = options;
    }

    void run() throws Exception {
        try (LargeWorkspace w = LargeWorkspace.start(options.serverJar(), options.contacts(), options.events(), options.seed())) {
            say("Creating the segment (computed in full before the 201) ...");
            long start = System.nanoTime();
            String created = w.call("POST", "/api/v1/segments", "{\"name\": \"Engaged enterprise VPs\", \"condition\": " + CONDITION + "}");
            double recompute = (System.nanoTime() - start) / 1e9;
            long members = Long.parseLong(LargeWorkspace.field(created, "size"));

            double preview = Double.MAX_VALUE;
            long previewCount = -1;
            for (int i = 0; i < RUNS; i++) {
                start = System.nanoTime();
                String answer = w.call("POST", "/api/v1/segments/preview", "{\"condition\": " + CONDITION + "}");
                preview = Math.min(preview, (System.nanoTime() - start) / 1e9);
                previewCount = Long.parseLong(LargeWorkspace.field(answer, "count"));
            }
            double sql = Double.MAX_VALUE;
            long sqlCount = -1;
            try (Connection c = w.db.connect(); PreparedStatement s = c.prepareStatement(HAND_WRITTEN)) {
                s.setLong(1, w.workspaceId);
                for (int i = 0; i < RUNS; i++) {
                    start = System.nanoTime();
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        sqlCount = rs.getLong(1);
                    }
                    sql = Math.min(sql, (System.nanoTime() - start) / 1e9);
                }
            }

            say("");
            say("== Segments (%d cores, %,d contacts, %,d events) ==", Runtime.getRuntime().availableProcessors(), options.contacts(),
                    options.events());
            say("full compute     %.2f s (POST /api/v1/segments, %,d members)", recompute, members);
            say("preview count    %.2f s (best of %d, count %,d)", preview, RUNS, previewCount);
            say("hand-written SQL %.2f s (best of %d, count %,d)", sql, RUNS, sqlCount);
            say("ratio            preview %.2f × the hand-written SQL", preview / sql);
            System.out.println(String.format(Locale.ROOT,
                    "RESULT segments contacts=%d events=%d recompute_s=%.2f preview_s=%.2f sql_s=%.2f preview_ratio=%.2f members=%d",
                    options.contacts(), options.events(), recompute, preview, sql, preview / sql, members));
            if (members != sqlCount || previewCount != sqlCount) {
                say("MISMATCH: segment %d, preview %d, hand-written SQL %d", members, previewCount, sqlCount);
                System.exit(1);
            }
        }
    }
}
