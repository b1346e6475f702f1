package dev.tendril;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as an operator runs it: a 200 from ingestion survives a {@code kill -9} of the JVM alone, and the
 * next start on the same data directory stops the orphaned embedded postmaster and carries on. ({@link CrashIT} kills
 * everything at once, under load.)
 */
class DurabilityIT {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir Path dataDir;

    @Test
    void acknowledgedEventsSurviveKillMinusNine() throws Exception {
        try (TendrilProcess tendril = new TendrilProcess(dataDir, dataDir.resolve("server.log"), Map.of())) {
            tendril.start();
            StringBuilder batch = new StringBuilder("{\"batch\": [");
            for (int i = 0; i < 100; i++) {
                batch.append(i == 0 ? "" : ",").append("""
                        {"type": "track", "userId": "survivor", "event": "Content Downloaded", "messageId": "kill-%d"}""".formatted(i));
            }
            String body = batch.append("]}").toString();
            HttpResponse<String> ack = post(tendril, "/v1/batch", body);
            assertThat(ack.statusCode()).isEqualTo(200);
            tendril.killJvm();

            tendril.start();
            String contacts = get(tendril, "/api/v1/contacts?externalId=survivor");
            String id = contacts.replaceAll("(?s).*\"id\":\"(ct_[a-z0-9]+)\".*", "$1");
            assertThat(id).startsWith("ct_");
            assertThat(get(tendril, "/api/v1/contacts/" + id + "/behavior")).contains("\"contentDownloads\":100");
            // The retry of the acknowledged batch after the crash adds nothing: dedup state survived too.
            assertThat(post(tendril, "/v1/batch", body).statusCode()).isEqualTo(200);
            assertThat(get(tendril, "/api/v1/contacts/" + id + "/behavior")).contains("\"contentDownloads\":100");
            tendril.stop();
        }
        // A clean shutdown stops the embedded PostgreSQL too.
        assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist();
    }

    static HttpResponse<String> post(TendrilProcess tendril, String path, String body) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((TendrilProcess.WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(tendril.uri(path))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String get(TendrilProcess tendril, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(tendril.uri(path))
                .header("Authorization", "Bearer " + TendrilProcess.SECRET_KEY).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
