package dev.tendril.bench;

import static dev.tendril.bench.IngestBenchmark.say;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real server jar on its own fresh PostgreSQL, with a headless-bootstrapped workspace filled by
 * {@link ScaleData}, and the REST calls the scoring and segment benchmarks make (secret key as Bearer).
 */
final class LargeWorkspace implements AutoCloseable {
    final Database db;
    final ServerProcess server;
    final long workspaceId;
    final ScaleData.Written data;
    private final String secretKey;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private LargeWorkspace(Database db, ServerProcess server, long workspaceId, ScaleData.Written data, String secretKey) {
        this.db = db;
        this.server = server;
        this.workspaceId = workspaceId;
        this.data = data;
        this.secretKey = secretKey;
    }

    static LargeWorkspace start(Path serverJar, int contacts, long events, long seed) throws Exception {
        String secretKey = "sk_" + IngestBenchmark.randomToken();
        say("Starting PostgreSQL and the server (%s) ...", serverJar);
        Database db = Database.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> IngestBenchmark.closeQuietly(db)));
        ServerProcess server = ServerProcess.start(serverJar, db.jdbcUrl(), "wk_" + IngestBenchmark.randomToken(), secretKey,
                List.of("-Xmx1g"));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        long workspaceId = db.count("select id from workspace where slug = 'bench'");
        say("Writing %,d contacts and %,d events with COPY (seed %d) ...", contacts, events, seed);
        ScaleData.Written data = ScaleData.write(db, workspaceId, contacts, events, seed);
        say("  written in %.1f s", data.seconds());
        return new LargeWorkspace(db, server, workspaceId, data, secretKey);
    }

    /** The answer's status and body; anything but 2xx stops the benchmark. */
    String call(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.base + path)).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + secretKey).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** The first value of a top-level-or-nested JSON field in a body, as text: enough for the few figures read here. */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    @Override
    public void close() throws Exception {
        server.close();
        db.close();
    }
}
