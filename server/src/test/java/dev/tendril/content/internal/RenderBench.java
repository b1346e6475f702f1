package dev.tendril.content.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * {@code bench/run render}: runs {@link RenderBenchmark} (one forked JVM per benchmark, one thread; iterations set there),
 * then {@link RecipientContextTiming}, and ends with the {@code RESULT render …} line.
 */
public final class RenderBench {
    private RenderBench() {}

    public static void main(String[] args) throws Exception {
        Options options = new OptionsBuilder().include(RenderBenchmark.class.getName() + "\\.").shouldFailOnError(true).build();
        Map<String, Result<?>> scores = new HashMap<>();
        for (RunResult run : new Runner(options).run()) {
            String benchmark = run.getParams().getBenchmark();
            scores.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), run.getPrimaryResult());
        }
        double tendril = scores.get("tendril").getScore();
        double handlebars = scores.get("handlebars").getScore();
        double message = scores.get("message").getScore();
        RecipientContextTiming.Result context = RecipientContextTiming.run();

        System.out.println();
        System.out.printf(Locale.ROOT, "tendril          %,.0f renders/s ± %,.0f (html part from the compiled cache, sandboxed, 1 thread)%n",
                tendril, scores.get("tendril").getScoreError());
        System.out.printf(Locale.ROOT, "handlebars.java  %,.0f renders/s ± %,.0f (bare Template.apply, same source and data)%n",
                handlebars, scores.get("handlebars").getScoreError());
        System.out.printf(Locale.ROOT, "ratio            Tendril is %.2f × slower than bare handlebars.java%n", handlebars / tendril);
        System.out.printf(Locale.ROOT, "whole message    %,.0f messages/s ± %,.0f (subject, preheader, html; CSS inlined; text part made)%n",
                message, scores.get("message").getScoreError());
        System.out.printf(Locale.ROOT, "context          %,d recipients in %.1f ms (median of %d after warm-up, %.1f – %.1f ms; %,d events; "
                        + "server context started in %.1f s, not timed)%n", RecipientContextTiming.RECIPIENTS, context.medianMs(),
                context.runs(), context.minMs(), context.maxMs(), context.events(), context.startupSeconds());
        System.out.printf(Locale.ROOT, "RESULT render tendril_ops_s=%.0f handlebars_ops_s=%.0f ratio=%.2f message_ops_s=%.0f context_1000_ms=%.1f%n",
                tendril, handlebars, handlebars / tendril, message, context.medianMs());
    }
}
