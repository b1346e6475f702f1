package dev.tendril.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code tendril import FILE}: streams a CSV file to {@code POST /api/v1/imports}, follows the job
 * with a progress bar and prints what it did. Exit code 0 when the job completed (rows it left out
 * are listed), 1 when it failed or could not be started.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Imports contacts from a CSV file (header row first) into a running Tendril.")
public class ImportCommand implements Callable<Integer> {
    /** The CLI's own variable: {@code TENDRIL_SECRET_KEY} is the server's encryption key, and never read here. */
    static final String KEY_VARIABLE = "TENDRIL_API_KEY";
    private static final int SHOWN_ERRORS = 10;
    private static final Duration POLL = Duration.ofMillis(300);

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file.")
    Path file;

    @Option(names = "--url", defaultValue = "http://localhost:8080", description = "Tendril's address (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--key", description = "A secret API key (sk_…); default: the " + KEY_VARIABLE + " environment variable.")
    String key;

    @Option(names = "--map", paramLabel = "COLUMN=FIELD",
            description = "Fill a contact field from a column, e.g. --map \"Work Email=email\" --map \"Plan=attributes.plan\". "
                    + "Unmapped columns fill the field their header spells (\"First Name\", \"E-mail\", \"Email Address\"), "
                    + "else the custom attribute of their name.")
    Map<String, String> map = new LinkedHashMap<>();

    @Option(names = "--skip", paramLabel = "COLUMN", description = "Leave a column out.")
    List<String> skip = new ArrayList<>();

    @Spec
    CommandSpec spec;

    private final Map<String, String> environment;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    ImportCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (key == null) {
            key = environment.get(KEY_VARIABLE);
        }
        if (key == null || key.isBlank()) {
            err.println("No API key: give a secret key (sk_…) with --key or the " + KEY_VARIABLE + " environment variable.");
            return 1;
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            err.println("Cannot read the file " + file + ": it does not exist or is not a readable file.");
            return 1;
        }
        String base = url.replaceAll("/+$", "");
        String id = null;
        try {
            // Check the address and key before streaming a possibly large file.
            Answer check = send(HttpRequest.newBuilder(uri(base, "/api/v1/imports?limit=1")).GET());
            if (check.status() != 200) {
                return refused(err, check, "reach the imports API");
            }
            Answer upload = send(HttpRequest.newBuilder(uri(base, "/api/v1/imports" + query()))
                    .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofFile(file)));
            if (upload.status() != 202) {
                return refused(err, upload, "import " + file.getFileName());
            }
            id = upload.json().path("id").asString("");
            out.printf("Uploaded %s as import %s: %d rows.%n", file.getFileName(), id, upload.json().path("rowsTotal").asLong(0));
            out.flush();
            JsonNode job = follow(base, id, upload.json(), err);
            return report(base, id, job, out, err);
        } catch (IOException e) {
            if (id != null) {
                err.println();
                err.println("Lost contact with Tendril at " + base + " (" + Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()) + "). The import goes on on the server; "
                        + "follow it with GET " + base + "/api/v1/imports/" + id);
            } else if (e instanceof ConnectException) {
                err.println("Cannot connect to Tendril at " + base + " (connection refused). Is the server running, and is --url right?");
            } else {
                err.println("Lost the connection to Tendril at " + base + ": " + e.getMessage());
            }
        } catch (IllegalArgumentException e) {
            err.println("--url: '" + url + "' is not an http(s) address such as http://localhost:8080");
        }
        return 1;
    }

    /** Polls the job until it has finished, drawing rows done against rows in the file. */
    private JsonNode follow(String base, String id, JsonNode job, PrintWriter err) throws IOException, InterruptedException {
        ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName("Importing").setInitialMax(job.path("rowsTotal").asLong(0))
                .setUnit(" rows", 1).showSpeed().setUpdateIntervalMillis(250)
                .setConsumer(new DelegatingProgressBarConsumer(line -> {
                    err.print('\r' + line);
                    err.flush();
                }));
        try (ProgressBar bar = builder.build()) {
            while (true) {
                bar.stepTo(job.path("rowsDone").asLong(0));
                String status = job.path("status").asString("");
                if (status.equals("completed") || status.equals("failed")) {
                    bar.refresh();
                    break;
                }
                Thread.sleep(POLL);
                Answer answer = send(HttpRequest.newBuilder(uri(base, "/api/v1/imports/" + id)).GET());
                if (answer.status() != 200) {
                    throw new IOException("the job status answered " + answer.status() + " " + answer.body());
                }
                job = answer.json();
            }
        }
        err.println();
        return job;
    }

    private int report(String base, String id, JsonNode job, PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        if (job.path("status").asString("").equals("failed")) {
            err.printf("Import %s failed after %d rows: %s%n", id, job.path("rowsDone").asLong(0), job.path("error").asString(""));
            return 1;
        }
        long failed = job.path("rowsFailed").asLong(0);
        out.printf("Imported %d rows: %d created, %d updated, %d failed.%n", job.path("rowsDone").asLong(0),
                job.path("rowsCreated").asLong(0), job.path("rowsUpdated").asLong(0), failed);
        if (failed > 0) {
            Answer errors = send(HttpRequest.newBuilder(uri(base, "/api/v1/imports/" + id + "/errors?limit=" + SHOWN_ERRORS)).GET());
            out.println(failed > SHOWN_ERRORS ? "First " + SHOWN_ERRORS + " rows left out (row 1 is the first after the header):"
                    : "Rows left out (row 1 is the first after the header):");
            for (JsonNode e : errors.json().path("data")) {
                out.printf("  row %d: %s%n", e.path("row").asLong(0), e.path("reason").asString(""));
            }
            if (failed > SHOWN_ERRORS) {
                out.println("All of them: GET " + base + "/api/v1/imports/" + id + "/errors");
            }
        }
        return 0;
    }

    private int refused(PrintWriter err, Answer answer, String what) {
        String detail = answer.json().path("detail").asString(answer.body());
        switch (answer.status()) {
            case 401 -> err.println("Tendril refused the API key (401: " + detail + "). Give a valid secret key (sk_…) with --key or " + KEY_VARIABLE + ".");
            case 400 -> err.println("Tendril refused to " + what + " (400): " + detail);
            case 404 -> err.println("No imports API at " + url + " (404). Is --url the address of a Tendril server?");
            default -> err.println("Could not " + what + ": HTTP " + answer.status() + " " + detail);
        }
        return 1;
    }

    private String query() {
        List<String> params = new ArrayList<>();
        map.forEach((column, field) -> params.add(encode("map." + column) + "=" + encode(field)));
        skip.forEach(column -> params.add("skip=" + encode(column)));
        params.add("fileName=" + encode(file.getFileName().toString()));
        return "?" + String.join("&", params);
    }

    private record Answer(int status, String body, JsonNode json) {}

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + key.strip())
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (RuntimeException e) {
            body = json.missingNode();
        }
        return new Answer(response.statusCode(), response.body(), body);
    }

    private static URI uri(String base, String path) {
        URI uri = URI.create(base + path);
        if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
            throw new IllegalArgumentException(base);
        }
        return uri;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
