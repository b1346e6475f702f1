package dev.tendril.bench;

import java.util.Arrays;

/** Entry point of the benchmark jar: {@code java -jar tendril-bench.jar NAME [--flag=value ...]}. */
public final class Bench {
    private Bench() {}

    public static void main(String[] args) throws Exception {
        String name = args.length == 0 ? "" : args[0];
        Flags flags = Flags.parse(Arrays.copyOfRange(args, Math.min(1, args.length), args.length));
        switch (name) {
            case "ingest" -> new IngestBenchmark(IngestBenchmark.Options.from(flags)).run();
            case "scoring" -> new ScoringBenchmark(ScoringBenchmark.Options.from(flags)).run();
            case "segments" -> new SegmentsBenchmark(ScoringBenchmark.Options.from(flags)).run();
            default -> {
                System.err.println("""
                        usage: bench/run NAME [--flag=value ...]
                          ingest   HTTP /v1/batch ingestion against a raw COPY baseline
                                   flags: --clients=16 --warmup=10 --duration=30 --paced=20 (seconds)
                                          --copy-threads=4 --people=100000 --server-jar=server/target/tendril.jar
                          scoring  workspace rescore after a model change, against COPYing as many score rows
                          segments full compute and preview count of a segment, against the same count in hand-written SQL
                                   flags (both): --contacts=1000000 --events=20000000 --seed=7
                          render   (bench/run render only: JMH over the server's test classes) template rendering against
                                   bare handlebars.java, and personalisation data for 1,000 recipients
                          realtime (bench/run realtime only: JMH over the server's test classes) in-memory evaluation of
                                   100 segments for one changed contact, selected by what they read against all of them""");
                System.exit(2);
            }
        }
    }
}
