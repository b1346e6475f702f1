package dev.tendril.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real server jar as a child process, with a headless-bootstrapped workspace. */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final Path log;
    final URI base;

    private ServerProcess(Process process, Path log, URI base) {
        this.process = process;
        this.log = log;
        this.base = base;
    }

    static ServerProcess start(Path jar, String jdbcUrl, String writeKey, String secretKey, List<String> jvmOptions)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no server jar at " + jar.toAbsolutePath() + ": build it with ./mvnw package -DskipTests");
        }
        int port = freePort();
        Path log = Files.createTempFile("tendril-bench-server", ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        // Extra options for profiling the server, e.g. BENCH_SERVER_JVM_OPTS=-XX:StartFlightRecording=filename=/tmp/s.jfr
        String extra = System.getenv("BENCH_SERVER_JVM_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.strip().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("SPRING_DATASOURCE_URL", jdbcUrl + "&reWriteBatchedInserts=true");
        env.put("SPRING_DATASOURCE_USERNAME", "postgres");
        env.put("SPRING_DATASOURCE_PASSWORD", "");
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("TENDRIL_DATA_DIR", Files.createTempDirectory("tendril-bench-data").toString());
        env.put("TENDRIL_BOOTSTRAP_WORKSPACE", "bench");
        env.put("TENDRIL_BOOTSTRAP_WRITE_KEY", writeKey);
        env.put("TENDRIL_BOOTSTRAP_SECRET_KEY", secretKey);
        ServerProcess server = new ServerProcess(builder.start(), log, URI.create("http://127.0.0.1:" + port));
        try {
            server.awaitHealthy(Duration.ofSeconds(180));
        } catch (RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the server was not healthy within " + timeout.toSeconds() + " s; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
