package dev.tendril.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/** Posts {@code /v1/batch} requests of generated events, closed-loop (as fast as possible) or open-loop (paced). */
final class LoadGenerator {
    static final int BATCH_SIZE = 100;
    static final int MAX_ATTEMPTS = 10;

    /** What one phase did: only 200 answers count as committed. */
    record PhaseResult(long committedEvents, long okBatches, long failedBatches, long retries, double seconds,
            Map<String, Long> failures, List<Answered> answered) {
        double eventsPerSecond() {
            return committedEvents / seconds;
        }

        Percentiles latency() {
            return latencyAfter(Duration.ZERO);
        }

        /** The latency of the batches started after the phase's first {@code skipped}. */
        Percentiles latencyAfter(Duration skipped) {
            long origin = origin();
            Percentiles out = new Percentiles();
            answered.stream().filter(a -> a.startNanos() - origin >= skipped.toNanos()).forEach(a -> out.record(a.latencyNanos()));
            return out;
        }

        /** The {@code n} seconds of the phase whose slowest batch was slowest, worst first. */
        List<Second> worstSeconds(int n) {
            long origin = origin();
            Map<Long, List<Answered>> bySecond = answered.stream()
                    .collect(Collectors.groupingBy(a -> (a.startNanos() - origin) / 1_000_000_000L));
            return bySecond.entrySet().stream().map(e -> new Second(e.getKey(), origin + e.getKey() * 1_000_000_000L,
                            e.getValue().size(), e.getValue().stream().filter(a -> a.latencyNanos() > SLOW_NANOS).count(),
                            e.getValue().stream().mapToLong(Answered::latencyNanos).max().orElse(0) / 1e6))
                    .sorted(Comparator.comparingDouble(Second::maxMillis).reversed()).limit(n).toList();
        }

        /** When the phase's first batch was (scheduled to be) started. */
        private long origin() {
            return answered.stream().mapToLong(Answered::startNanos).min().orElse(0);
        }
    }

    /** A batch answered 200: when it was (scheduled to be) started, and how long until its answer. */
    record Answered(long startNanos, long latencyNanos) {}

    /** One second of a phase: its batches, how many took over 100 ms, and the slowest. */
    record Second(long index, long startNanos, int batches, long slow, double maxMillis) {}

    private static final long SLOW_NANOS = 100_000_000L;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI batchUri;
    private final String authorization;
    private final int people;
    private final AtomicLong seeds = new AtomicLong(42);

    LoadGenerator(URI base, String writeKey, int people) {
        this.batchUri = base.resolve("/v1/batch");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
        this.people = people;
    }

    /** {@code clients} threads, each sending its next batch as soon as the previous one is answered. */
    PhaseResult closedLoop(int clients, Duration duration) throws InterruptedException {
        Tally tally = new Tally();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            EventGenerator generator = new EventGenerator(people, seeds.incrementAndGet());
            threads.add(Thread.ofPlatform().name("client-" + i).start(() -> {
                while (System.nanoTime() < deadline) {
                    String body = generator.batchBody(BATCH_SIZE);
                    long sent = System.nanoTime();
                    send(body, sent, tally);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        return tally.result((System.nanoTime() - start) / 1e9);
    }

    /**
     * Batches started on a fixed schedule whatever the answers, each latency measured from its
     * scheduled start, so a slow answer cannot hide the queueing it causes (no coordinated omission).
     */
    PhaseResult paced(double eventsPerSecond, Duration duration) throws InterruptedException {
        Tally tally = new Tally();
        long interval = (long) (1e9 * BATCH_SIZE / eventsPerSecond);
        long batches = duration.toNanos() / interval;
        EventGenerator generator = new EventGenerator(people, seeds.incrementAndGet());
        List<Thread> inFlight = new ArrayList<>();
        long start = System.nanoTime();
        for (long i = 0; i < batches; i++) {
            String body = generator.batchBody(BATCH_SIZE);
            long scheduled = start + i * interval;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.add(Thread.ofVirtual().start(() -> send(body, scheduled, tally)));
        }
        for (Thread t : inFlight) {
            t.join();
        }
        return tally.result((System.nanoTime() - start) / 1e9);
    }

    /**
     * As a Segment client does: a 429 or 503 is retried after its {@code Retry-After}, up to
     * {@value #MAX_ATTEMPTS} attempts; the latency counts from the first attempt's start.
     */
    private void send(String body, long startNanos, Tally tally) {
        HttpRequest request = HttpRequest.newBuilder(batchUri).timeout(Duration.ofSeconds(120))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            for (int attempt = 1; ; attempt++) {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 200) {
                    tally.ok(startNanos, System.nanoTime() - startNanos);
                    return;
                }
                if ((status == 429 || status == 503) && attempt < MAX_ATTEMPTS) {
                    tally.retried();
                    long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
                    Thread.sleep(Duration.ofSeconds(Math.max(1, seconds)));
                    continue;
                }
                String detail = response.body();
                tally.failed(status + " " + detail.substring(0, Math.min(200, detail.length())));
                return;
            }
        } catch (Exception e) {
            tally.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static final class Tally {
        final AtomicLong ok = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong retries = new AtomicLong();
        final Map<String, Long> failures = new ConcurrentHashMap<>();
        final Queue<Answered> answered = new ConcurrentLinkedQueue<>();

        void ok(long startNanos, long latencyNanos) {
            ok.incrementAndGet();
            answered.add(new Answered(startNanos, latencyNanos));
        }

        void retried() {
            retries.incrementAndGet();
        }

        void failed(String reason) {
            failed.incrementAndGet();
            if (failures.size() < 20) {
                failures.merge(reason, 1L, Long::sum);
            }
        }

        PhaseResult result(double seconds) {
            return new PhaseResult(ok.get() * BATCH_SIZE, ok.get(), failed.get(), retries.get(), seconds, Map.copyOf(failures),
                    List.copyOf(answered));
        }
    }
}
