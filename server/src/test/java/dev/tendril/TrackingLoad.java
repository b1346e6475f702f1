package dev.tendril;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Segment clients posting {@code /v1/batch} concurrently, each for people of its own (identify, track and page calls,
 * some people anonymous until an identify names them), as analytics-java does: a batch that was not answered 200 is
 * sent again, with the same messageIds and a new {@code sentAt}, until it is. What each client sends is drawn from
 * the seed; when it is sent depends on the machine.
 */
final class TrackingLoad implements AutoCloseable {
    private static final String[] TITLES = {"VP Marketing", "VP Sales", "Marketing Manager", "Engineer", "Head of Growth"};
    private static final String[] PATHS = {"/", "/pricing", "/pricing/enterprise", "/blog/lead-scoring", "/docs"};
    private static final String[] EVENTS = {"Demo Requested", "Content Downloaded", "Webinar Attended", "Trial Started",
            "Video Content Completed", "Button Clicked", "Signed Up"};

    private final URI batchUri;
    private final String authorization;
    private final int clients;
    private final int people;
    private final long seed;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    // Fair: once the test asks to pause, no client starts another request until it resumes.
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock(true);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean finishing;

    final Set<String> sent = ConcurrentHashMap.newKeySet();
    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    final AtomicInteger batchesAcknowledged = new AtomicInteger();
    /** Batches that needed more than one request. */
    final AtomicInteger batchesRetried = new AtomicInteger();
    final AtomicInteger connectionFailures = new AtomicInteger();
    final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    final AtomicInteger unavailableWithoutRetryAfter = new AtomicInteger();
    /** Answers other than 200 and 503, with their bodies: each one a bug. */
    final List<String> unexpected = new CopyOnWriteArrayList<>();

    TrackingLoad(URI base, int clients, int people, long seed) {
        this.batchUri = base.resolve("/v1/batch");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((TendrilProcess.WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8));
        this.clients = clients;
        this.people = people;
        this.seed = seed;
    }

    void start() {
        for (int c = 0; c < clients; c++) {
            Client client = new Client(c);
            threads.add(Thread.ofPlatform().name("tracking-client-" + c).daemon().start(client::run));
        }
    }

    /** Blocks until no request is under way and none will start before {@link #resume}. */
    void pause() {
        gate.writeLock().lock();
    }

    void resume() {
        gate.writeLock().unlock();
    }

    /** Waits until {@code more} further batches have been acknowledged. */
    void awaitAcknowledged(int more, Duration timeout) throws InterruptedException {
        int target = batchesAcknowledged.get() + more;
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (batchesAcknowledged) {
            while (batchesAcknowledged.get() < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("only " + batchesAcknowledged.get() + " of " + target + " batches acknowledged in " + timeout
                            + "; answers so far: " + statuses + ", unexpected: " + unexpected);
                }
                batchesAcknowledged.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** Sends no new batch; returns once every batch sent has been acknowledged. */
    void finish(Duration timeout) throws InterruptedException {
        finishing = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : threads) {
            if (!t.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
                throw new AssertionError(t.getName() + " still has an unacknowledged batch; answers so far: " + statuses);
            }
        }
    }

    int status(int code) {
        AtomicInteger n = statuses.get(code);
        return n == null ? 0 : n.get();
    }

    @Override
    public void close() {
        finishing = true;
        threads.forEach(Thread::interrupt);
    }

    private record Batch(List<String> ids, List<String> calls) {}

    private final class Client {
        private final int index;
        private final Random random;
        private final List<Integer> mine = new ArrayList<>();
        private final Map<Integer, Boolean> anonymous = new HashMap<>();
        private int batches;

        Client(int index) {
            this.index = index;
            this.random = new Random(seed * 31 + index);
            for (int p = index; p < people; p += clients) {
                mine.add(p);
                anonymous.put(p, random.nextInt(3) == 0); // a third arrive anonymous and are identified later
            }
        }

        void run() {
            try {
                while (!finishing) {
                    send(nextBatch());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private Batch nextBatch() {
            int size = 5 + random.nextInt(36);
            List<String> ids = new ArrayList<>(size);
            List<String> calls = new ArrayList<>(size);
            String timestamp = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
            for (int i = 0; i < size; i++) {
                int person = mine.get(random.nextInt(mine.size()));
                String messageId = "m-" + index + "-" + batches + "-" + i;
                ids.add(messageId);
                calls.add(call(person, messageId, timestamp));
            }
            sent.addAll(ids);
            batches++;
            return new Batch(ids, calls);
        }

        private String call(int person, String messageId, String timestamp) {
            String common = "\"messageId\": \"%s\", \"timestamp\": \"%s\"".formatted(messageId, timestamp);
            if (anonymous.get(person)) {
                if (random.nextInt(6) > 0) {
                    return page("\"anonymousId\": \"a-%d\"".formatted(person), common);
                }
                anonymous.put(person, false);
                return identify("\"userId\": \"p-%d\", \"anonymousId\": \"a-%d\"".formatted(person, person), person, common);
            }
            String who = "\"userId\": \"p-%d\"".formatted(person);
            int kind = random.nextInt(20);
            if (kind < 3) {
                return identify(who, person, common);
            }
            if (kind < 11) {
                return page(who, common);
            }
            return """
                    {"type": "track", %s, "event": "%s", "properties": {"plan": "pro"}, %s}"""
                    .formatted(who, EVENTS[random.nextInt(EVENTS.length)], common);
        }

        private String page(String who, String common) {
            String path = PATHS[random.nextInt(PATHS.length)];
            return """
                    {"type": "page", %s, "name": "Page", "properties": {"path": "%s", "url": "https://example.com%s"}, %s}"""
                    .formatted(who, path, path, common);
        }

        private String identify(String who, int person, String common) {
            return """
                    {"type": "identify", %s, "traits": {"email": "p-%d@example.com", "firstName": "P%d", "title": "%s"}, %s}"""
                    .formatted(who, person, person, TITLES[random.nextInt(TITLES.length)], common);
        }

        /**
         * Until acknowledged: a client retries what it was not told was stored, and a 5xx. A 4xx (a bug in this test or
         * in Tendril, recorded in {@link #unexpected}) drops the batch, as Segment clients do.
         */
        private void send(Batch batch) throws InterruptedException {
            for (int attempt = 1; ; attempt++) {
                if (attempt == 2) {
                    batchesRetried.incrementAndGet();
                }
                String body = "{\"batch\": [" + String.join(",", batch.calls()) + "], \"sentAt\": \""
                        + Instant.now().truncatedTo(ChronoUnit.MILLIS) + "\", \"context\": {\"library\": {\"name\": \"crash-it\"}}}";
                HttpResponse<String> response = null;
                gate.readLock().lockInterruptibly();
                try {
                    response = http.send(HttpRequest.newBuilder(batchUri).timeout(Duration.ofSeconds(30))
                            .header("Authorization", authorization).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        acknowledged.addAll(batch.ids()); // within the gate: a pause sees every acknowledgement given
                    }
                } catch (IOException e) {
                    connectionFailures.incrementAndGet();
                } finally {
                    gate.readLock().unlock();
                }
                if (response == null) {
                    Thread.sleep(100); // the client's back-off before trying again
                    continue;
                }
                statuses.computeIfAbsent(response.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                if (response.statusCode() == 200) {
                    synchronized (batchesAcknowledged) {
                        batchesAcknowledged.incrementAndGet();
                        batchesAcknowledged.notifyAll();
                    }
                    return;
                }
                if (response.statusCode() == 503) {
                    if (response.headers().firstValue("Retry-After").isEmpty()) {
                        unavailableWithoutRetryAfter.incrementAndGet();
                    }
                    Thread.sleep(200); // Retry-After says a second; a shorter back-off keeps the test quick
                    continue;
                }
                unexpected.add(response.statusCode() + " " + response.body());
                if (response.statusCode() < 500) {
                    return;
                }
                Thread.sleep(200);
            }
        }
    }
}
