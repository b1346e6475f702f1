package dev.tendril;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as an operator runs it: a 200 from ingestion survives {@code kill -9}, and the
 * next start on the same data directory recovers the embedded database (and its orphaned postmaster).
 */
class DurabilityIT {
    static final String WRITE_KEY = "wk_durability0123456789abcdefgh";
    static final String SECRET_KEY = "sk_durability0123456789abcdefgh";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir Path dataDir;

    @Test
    void acknowledgedEventsSurviveKillMinusNine() throws Exception {
        int port = freePort();
        Process first = start(port);
        StringBuilder batch = new StringBuilder("{\"batch\": [");
        for (int i = 0; i < 100; i++) {
            batch.append(i == 0 ? "" : ",").append("""
                    {"type": "track", "userId": "survivor", "event": "Content Downloaded", "messageId": "kill-%d"}""".formatted(i));
        }
        String body = batch.append("]}").toString();
        HttpResponse<String> ack = post(port, "/v1/batch", body);
        assertThat(ack.statusCode()).isEqualTo(200);
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

        Process second = start(port);
        try {
            String contacts = get(port, "/api/v1/contacts?externalId=survivor");
            String id = contacts.replaceAll("(?s).*\"id\":\"(ct_[a-z0-9]+)\".*", "$1");
            assertThat(id).startsWith("ct_");
            assertThat(get(port, "/api/v1/contacts/" + id + "/behavior")).contains("\"contentDownloads\":100");
            // The retry of the acknowledged batch after the crash adds nothing: dedup state survived too.
            assertThat(post(port, "/v1/batch", body).statusCode()).isEqualTo(200);
            assertThat(get(port, "/api/v1/contacts/" + id + "/behavior")).contains("\"contentDownloads\":100");
        } finally {
            second.destroy();
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        // A clean shutdown stops the embedded PostgreSQL too.
        assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist();
    }

    Process start(int port) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-jar", System.getProperty("tendril.jar"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("server.log").toFile()));
        builder.environment().putAll(Map.of("TENDRIL_DATA_DIR", dataDir.toString(), "SERVER_PORT", Integer.toString(port),
                "TENDRIL_BOOTSTRAP_WORKSPACE", "durable", "TENDRIL_BOOTSTRAP_WRITE_KEY", WRITE_KEY,
                "TENDRIL_BOOTSTRAP_SECRET_KEY", SECRET_KEY));
        Process process = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("server exited; see %s", dataDir.resolve("server.log")).isTrue();
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new AssertionError("server did not become healthy: " + Files.readString(dataDir.resolve("server.log")));
    }

    static HttpResponse<String> post(int port, String path, String body) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + SECRET_KEY).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
