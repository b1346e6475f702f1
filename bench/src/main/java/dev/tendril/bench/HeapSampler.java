package dev.tendril.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Polls the server's Prometheus endpoint (which needs the secret key) once a second and keeps the largest heap in use seen. */
final class HeapSampler implements AutoCloseable {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI prometheus;
    private final String bearer;
    private final Thread thread;
    private volatile long maxBytes;

    HeapSampler(URI base, String secretKey) {
        this.prometheus = base.resolve("/actuator/prometheus");
        this.bearer = "Bearer " + secretKey;
        this.thread = Thread.ofPlatform().daemon().name("heap-sampler").start(this::loop);
    }

    long maxBytes() {
        return maxBytes;
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(prometheus).header("Authorization", bearer)
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (scrape.statusCode() == 200) {
                    maxBytes = Math.max(maxBytes, heapUsed(scrape.body()));
                }
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // a missed sample; try again on the next tick
            }
        }
    }

    /** Sum of {@code jvm_memory_used_bytes} over the heap pools in one scrape. */
    static long heapUsed(String prometheusText) {
        double sum = 0;
        for (String line : prometheusText.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return (long) sum;
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(5000);
    }
}
