package dev.tendril;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar with {@code MANAGEMENT_SERVER_PORT} set, as the README tells an operator: the actuator moves off the
 * public port, and its metrics still need the secret key there.
 */
class ManagementPortIT {
    static final String SECRET_KEY = "sk_management0123456789abcdefgh";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir Path dataDir;

    @Test
    void theActuatorMovesToTheManagementPortAndItsMetricsStillNeedTheSecretKey() throws Exception {
        int port = freePort();
        int management = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-jar", System.getProperty("tendril.jar"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("server.log").toFile()));
        builder.environment().putAll(Map.of("TENDRIL_DATA_DIR", dataDir.toString(), "SERVER_PORT", Integer.toString(port),
                "MANAGEMENT_SERVER_PORT", Integer.toString(management), "TENDRIL_BOOTSTRAP_WORKSPACE", "managed",
                "TENDRIL_BOOTSTRAP_SECRET_KEY", SECRET_KEY));
        Process server = builder.start();
        try {
            awaitHealthy(server, management);
            assertThat(status(management, "/actuator/health/liveness", null)).isEqualTo(200);
            assertThat(status(management, "/actuator/prometheus", null)).isEqualTo(401);
            assertThat(status(management, "/actuator/prometheus", "sk_wrong0123456789abcdefghijk")).isEqualTo(401);
            assertThat(status(management, "/actuator/prometheus", SECRET_KEY)).isEqualTo(200);

            assertThat(status(port, "/actuator/prometheus", SECRET_KEY)).as("not on the public port").isEqualTo(404);
            assertThat(status(port, "/actuator/health", null)).isEqualTo(404);
            assertThat(status(port, "/api/v1/contacts", SECRET_KEY)).as("the API stays on the public port").isEqualTo(200);
        } finally {
            server.destroy();
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    void awaitHealthy(Process server, int managementPort) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("server exited; see %s", dataDir.resolve("server.log")).isTrue();
            try {
                if (status(managementPort, "/actuator/health", null) == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        server.destroyForcibly();
        throw new AssertionError("server did not become healthy: " + Files.readString(dataDir.resolve("server.log")));
    }

    static int status(int port, String path, String secretKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (secretKey != null) {
            request.header("Authorization", "Bearer " + secretKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
