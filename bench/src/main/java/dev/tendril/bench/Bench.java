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
            default -> {
                System.err.println("""
                        usage: bench/run NAME [--flag=value ...]
                          ingest   HTTP /v1/batch ingestion against a raw COPY baseline
                                   flags: --clients=16 --warmup=10 --duration=30 --paced=20 (seconds)
                                          --copy-threads=4 --people=100000 --server-jar=server/target/tendril.jar""");
                System.exit(2);
            }
        }
    }
}
