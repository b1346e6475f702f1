package dev.tendril.condition.internal;

import dev.tendril.condition.internal.RealtimeWorkload.Change;
import dev.tendril.condition.internal.RealtimeWorkload.Segment;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * {@code bench/run realtime}: runs {@link RealtimeBenchmark} (one forked JVM, one thread; iterations set there) and ends
 * with the {@code RESULT realtime …} line, which reports the tracked-event change; the other kinds are in the report.
 */
public final class RealtimeBench {
    private static final Map<Change, String> BENCHMARKS = Map.of(Change.EVENT, "event", Change.CONTACT_EDIT, "contactEdit",
            Change.SCORE, "score");

    private RealtimeBench() {}

    public static void main(String[] args) throws Exception {
        Options options = new OptionsBuilder().include(RealtimeBenchmark.class.getName() + "\\.").shouldFailOnError(true).build();
        Map<String, Result<?>> scores = new HashMap<>();
        for (RunResult run : new Runner(options).run()) {
            String benchmark = run.getParams().getBenchmark();
            scores.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), run.getPrimaryResult());
        }
        List<Segment> segments = RealtimeWorkload.segments();
        double all = scores.get("all").getScore();
        long matching = segments.stream()
                .filter(s -> EvaluateCondition.evaluate(s.condition(), RealtimeWorkload.contact(), RealtimeWorkload.NOW)).count();

        System.out.println();
        System.out.printf(Locale.ROOT, "all segments     %7.2f µs ± %.2f per change (%d segments evaluated, %d match; %d events on the contact)%n",
                all, scores.get("all").getScoreError(), segments.size(), matching, RealtimeWorkload.EVENTS);
        for (Change change : Change.values()) {
            Result<?> r = scores.get(BENCHMARKS.get(change));
            long selected = segments.stream().filter(s -> change.reads.test(s.reads())).count();
            System.out.printf(Locale.ROOT, "%-16s %7.2f µs ± %.2f per change (%d of %d segments read it), %.2f × faster than all%n",
                    change.label, r.getScore(), r.getScoreError(), selected, segments.size(), all / r.getScore());
        }
        double event = scores.get(BENCHMARKS.get(Change.EVENT)).getScore();
        System.out.printf(Locale.ROOT, "RESULT realtime segments=%d events=%d all_us=%.2f selected_us=%.2f speedup=%.2f%n",
                segments.size(), RealtimeWorkload.EVENTS, all, event, all / event);
    }
}
