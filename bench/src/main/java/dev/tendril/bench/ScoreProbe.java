package dev.tendril.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a committed event takes to show in a contact's stored score while the load runs: one
 * probe person after another is identified (with a title the default model gives points, so the first
 * score is stored), and once that score is in the score history a {@code Demo Requested} is tracked;
 * the time from its 200 until a newer history entry can be read is one sample. The score endpoint
 * itself is not polled: for a contact without a stored score it computes one live. A few probes run at
 * once, so a slow phase still yields a few dozen samples; together they poll about 100 times a second.
 */
final class ScoreProbe implements AutoCloseable {
    private static final Duration GIVE_UP = Duration.ofSeconds(30);
    private static final Pattern CONTACT_ID = Pattern.compile("\"id\"\\s*:\\s*\"(ct_\\w+)\"");
    private static final int PROBES = 3;
    private static final Duration POLL = Duration.ofMillis(30);
    private static final Pattern FIRST_ENTRY = Pattern.compile("\"data\"\\s*:\\s*\\[\\s*\\{\\s*\"id\"\\s*:\\s*\"(\\w+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String basic;
    private final String bearer;
    private final Percentiles latency = new Percentiles();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger missed = new AtomicInteger();
    private volatile boolean stopping;

    ScoreProbe(URI base, String writeKey, String secretKey) {
        this.base = base;
        this.basic = "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
        this.bearer = "Bearer " + secretKey;
        for (int i = 0; i < PROBES; i++) {
            threads.add(Thread.ofPlatform().daemon().name("score-probe-" + i).start(this::loop));
        }
    }

    private void loop() {
        while (!stopping) {
            try {
                probe("probe-" + UUID.randomUUID());
            } catch (IOException | RuntimeException e) {
                missed.incrementAndGet();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void probe(String user) throws IOException, InterruptedException {
        send("POST", "/v1/identify", basic, "{\"userId\": \"" + user + "\", \"traits\": {\"title\": \"VP Probing\"}}");
        Matcher contact = CONTACT_ID.matcher(send("GET", "/api/v1/contacts?externalId=" + user, bearer, null));
        if (!contact.find()) {
            throw new IllegalStateException("no contact for " + user);
        }
        String history = "/api/v1/contacts/" + contact.group(1) + "/score/history?limit=1";
        String first = waitForEntry(history, null, true);
        if (first == null || stopping) {
            return;
        }
        send("POST", "/v1/track", basic, "{\"userId\": \"" + user + "\", \"event\": \"Demo Requested\"}");
        long committed = System.nanoTime();
        if (waitForEntry(history, first, false) == null) {
            missed.incrementAndGet();
        } else {
            latency.record(System.nanoTime() - committed);
        }
    }

    /** Polls the history until its newest entry is there and is not {@code previous}; null after {@link #GIVE_UP} (or a stop). */
    private String waitForEntry(String history, String previous, boolean untilStopped) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (System.nanoTime() < deadline && !(untilStopped && stopping)) {
            Matcher newest = FIRST_ENTRY.matcher(send("GET", history, bearer, null));
            if (newest.find() && !newest.group(1).equals(previous)) {
                return newest.group(1);
            }
            Thread.sleep(POLL);
        }
        return null;
    }

    private String send(String method, String path, String authorization, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    Percentiles latency() {
        return latency;
    }

    int missed() {
        return missed.get();
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        for (Thread thread : threads) {
            thread.join(GIVE_UP.toMillis() * 2);
        }
    }
}
