package dev.tendril.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tendril.hostile.HostileCase.Expect;
import dev.tendril.hostile.HostileCase.Target;
import dev.tendril.testing.Eventually;
import dev.tendril.testing.IntegrationTest;
import dev.tendril.testing.TestTenant;
import dev.tendril.testing.TestTenants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays the hostile-input corpus ({@code src/test/resources/hostile}, see {@link HostileCase}) against the tracking
 * API, the REST API and the CSV import of one fresh workspace. Every case must get the answer it expects, never a
 * 5xx: a refusal is a 4xx problem JSON (naming the field where the case says which) that leaks no Java or SQL detail
 * and stores nothing (every table a request writes is compared before and after); an acceptance is a 2xx, with what
 * the case says it stores. After every case the server must still report itself UP. The test fails listing every
 * case that misbehaved, not only the first.
 */
@IntegrationTest
class HostileInputsIntegrationTest {
    /** Words of a Java stack, a class name or a database message: none may reach a client unless the client sent it. */
    private static final List<String> LEAKS = List.of("java.", "javax.", "jakarta.", "org.springframework", "tools.jackson",
            "com.fasterxml", "org.postgresql", "Exception", "SQL state", "ERROR:", "Whitelabel", "dev.tendril",
            "StreamReadConstraints");

    @Autowired TestTenants tenants;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired Environment env;

    private TestTenant t;
    private RawHttp http;
    private Map<String, String> fixtures;
    private StoredRows rows;
    private Path uploads;

    @Test
    void everyHostileInputIsRefusedWithAProblemOrAcceptedAsDocumented() {
        List<HostileCase> cases = HostileCase.loadAll(json);
        assertThat(cases).as("the corpus").hasSizeGreaterThanOrEqualTo(200);
        t = tenants.create();
        http = new RawHttp(Integer.parseInt(env.getRequiredProperty("local.server.port")), Duration.ofSeconds(60));
        fixtures = fixtures();
        rows = new StoredRows(jdbc, t.workspaceId());
        uploads = Path.of(env.getRequiredProperty("tendril.data-dir")).toAbsolutePath().resolve("imports");

        List<String> failures = new ArrayList<>();
        int refused = 0;
        int accepted = 0;
        for (HostileCase c : cases) {
            List<String> wrong = play(c);
            if (c.expect() == Expect.REFUSED) {
                refused++;
            } else {
                accepted++;
            }
            wrong.forEach(w -> failures.add(c + ": " + w));
        }
        System.out.println("HOSTILE cases=" + cases.size() + " refused=" + refused + " accepted=" + accepted + " failed="
                + failures.stream().map(f -> f.substring(0, f.indexOf(':'))).distinct().count());
        assertThat(failures).withFailMessage(() -> "cases that misbehaved:\n  " + String.join("\n  ", failures)).isEmpty();
    }

    /** Plays one case; what went wrong, or nothing. */
    private List<String> play(HostileCase c) {
        List<String> wrong = new ArrayList<>();
        Map<String, String> before = rows.snapshot();
        long filesBefore = uploadedFiles();
        byte[] body = c.bodyFor(fixtures);
        RawHttp.Answer answer;
        try {
            answer = http.send(c.method(), c.pathFor(fixtures), headers(c), body);
        } catch (IOException | RuntimeException e) {
            wrong.add("no answer: " + e);
            checkHealthy(wrong);
            return wrong;
        }
        String said = answer.status() + " " + abbreviate(answer.body());
        if (answer.status() >= 500) {
            wrong.add("answered " + said);
        } else if (c.status() != null && answer.status() != c.status()) {
            wrong.add("expected status " + c.status() + ", answered " + said);
        }
        JsonNode problem = parse(answer.body());
        if (c.expect() == Expect.REFUSED) {
            checkRefusal(c, answer, problem, said, wrong);
        } else {
            checkAcceptance(c, answer, problem, said, before, wrong);
        }
        for (String excluded : c.answerExcludes()) {
            if (answer.body().contains(excluded)) {
                wrong.add("the answer holds '" + excluded + "': " + said);
            }
        }
        checkHealthy(wrong);
        if (c.expect() == Expect.REFUSED) {
            if (!settled()) {
                wrong.add("background work did not settle after a refused request");
            }
            List<String> changed = StoredRows.changed(before, rows.snapshot());
            if (!changed.isEmpty()) {
                wrong.add("a refused request changed stored rows in " + changed);
            }
            if (uploadedFiles() != filesBefore) {
                wrong.add("a refused upload left a file in " + uploads);
            }
        }
        return wrong;
    }

    private void checkRefusal(HostileCase c, RawHttp.Answer answer, JsonNode problem, String said, List<String> wrong) {
        if (answer.status() < 400 || answer.status() >= 500) {
            wrong.add("expected a refusal (4xx), answered " + said);
            return;
        }
        if (answer.status() == 409 && c.status() == null) {
            wrong.add("a conflict (409), which tells a client that retrying may work, answers bad input: " + said);
        }
        String type = answer.header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json")) {
            wrong.add("a refusal not in problem JSON (Content-Type " + type + "): " + said);
        } else if (problem == null || !problem.isObject() || problem.path("status").asInt() != answer.status()) {
            wrong.add("a problem JSON without its status: " + said);
        }
        if (c.field() != null && (problem == null || !problem.path("errors").findValuesAsString("field").contains(c.field()))) {
            wrong.add("the problem does not name the field " + c.field() + ": " + said);
        }
        leaks(c, answer.body(), said, wrong);
    }

    private void checkAcceptance(HostileCase c, RawHttp.Answer answer, JsonNode problem, String said, Map<String, String> before,
            List<String> wrong) {
        if (answer.status() < 200 || answer.status() >= 300) {
            wrong.add("expected an acceptance (2xx), answered " + said);
            leaks(c, answer.body(), said, wrong);
            return;
        }
        if (c.events() != null) {
            long stored = count("event") - Long.parseLong(before.get("event").split("/")[0]);
            if (stored != c.events()) {
                wrong.add("stored " + stored + " events, expected " + c.events());
            }
        }
        if (c.dataSize() != null && (problem == null || problem.path("data").size() != c.dataSize())) {
            wrong.add("expected " + c.dataSize() + " items in data: " + said);
        }
        c.answerJson().forEach((pointer, value) -> {
            JsonNode found = problem == null ? null : problem.at(pointer);
            boolean same = found != null && (found.isNumber() && value.isNumber() ? found.decimalValue().compareTo(value.decimalValue()) == 0
                    : found.equals(value));
            if (!same) {
                wrong.add("expected " + value + " at " + pointer + ": " + said);
            }
        });
        if (c.target() == Target.CSV) {
            checkImport(c, problem, wrong);
        }
        if (!settled()) {
            wrong.add("background work did not settle within 5 s");
        }
    }

    /** An accepted upload: the import completes, and reports exactly the rows the case names, each for its reason. */
    private void checkImport(HostileCase c, JsonNode job, List<String> wrong) {
        String id = job == null ? null : job.path("id").asString(null);
        if (id == null) {
            wrong.add("the upload answered no import id");
            return;
        }
        TestTenant.Answer done = Eventually.eventually(() -> t.api("GET", "/api/v1/imports/" + id, null),
                a -> Set.of("completed", "failed").contains(a.text("/status")));
        if (!"completed".equals(done.text("/status"))) {
            wrong.add("the import did not complete: " + abbreviate(done.body()));
            return;
        }
        TestTenant.Answer report = t.api("GET", "/api/v1/imports/" + id + "/errors?limit=500", null);
        Set<Integer> reported = new HashSet<>();
        for (JsonNode error : report.json().path("data")) {
            reported.add(error.path("row").asInt());
            String reason = error.path("reason").asString("");
            leaks(c, reason, "row " + error.path("row").asInt() + ": " + reason, wrong);
            if (c.reasonContains() != null && !reason.contains(c.reasonContains())) {
                wrong.add("row " + error.path("row").asInt() + " is reported for '" + reason + "', not for " + c.reasonContains());
            }
        }
        Set<Integer> expected = new HashSet<>(c.rowErrors() == null ? List.of() : c.rowErrors());
        if (!reported.equals(expected)) {
            wrong.add("the import reported rows " + reported + ", expected " + expected + ": " + abbreviate(report.body()));
        }
    }

    private static void leaks(HostileCase c, String text, String said, List<String> wrong) {
        for (String leak : LEAKS) {
            if (text.contains(leak) && !c.sentText().contains(leak)) {
                wrong.add("the answer leaks '" + leak + "': " + said);
            }
        }
    }

    private void checkHealthy(List<String> wrong) {
        int port = Integer.parseInt(env.getProperty("local.management.port", env.getRequiredProperty("local.server.port")));
        try {
            RawHttp.Answer health = new RawHttp(port, Duration.ofSeconds(30)).send("GET", "/actuator/health", Map.of(), null);
            JsonNode status = parse(health.body());
            if (health.status() != 200 || status == null || !"UP".equals(status.path("status").asString(null))) {
                wrong.add("afterwards the server is not healthy: " + health.status() + " " + abbreviate(health.body()));
            }
        } catch (IOException e) {
            wrong.add("afterwards the server does not answer: " + e);
        }
    }

    /** No rescore, stage move, segment change or import left to do in the workspace (within 5 s). */
    private boolean settled() {
        String pending = """
                select (select count(*) from score_pending where workspace_id = :ws) + (select count(*) from stage_pending where workspace_id = :ws)
                     + (select count(*) from segment_pending where workspace_id = :ws)
                     + (select count(*) from import_job where workspace_id = :ws and status in ('queued', 'running'))""";
        return Eventually.eventually(() -> jdbc.sql(pending).param("ws", t.workspaceId()).query(Long.class).single(), n -> n == 0) == 0;
    }

    private Map<String, String> headers(HostileCase c) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (!c.contentType().isEmpty()) {
            headers.put("Content-Type", c.contentType());
        }
        if (c.auth()) {
            boolean tracking = c.target() == Target.TRACK || c.target() == Target.BATCH;
            headers.put("Authorization", tracking ? TestTenant.basic(t.writeKey()) : "Bearer " + t.secretKey());
        }
        if (c.gzip()) {
            headers.put("Content-Encoding", "gzip");
        }
        headers.putAll(c.headers());
        return headers;
    }

    /**
     * The workspace's fixtures, named in the cases as {@code ${contact}}, {@code ${segment}}, …: a contact, a company,
     * a list with the contact, a segment, a template, a block, a draft experiment and a finished import.
     */
    private Map<String, String> fixtures() {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("writeKey", t.writeKey());
        Instant now = Instant.now();
        ids.put("halfYearAhead", now.plus(Duration.ofDays(180)).toString());
        ids.put("twoYearsAhead", now.plus(Duration.ofDays(730)).toString());
        ids.put("company", created(t.api("POST", "/api/v1/companies", """
                {"name": "Fixture Co", "domain": "fixture-co.test"}""")));
        ids.put("contact", created(t.api("POST", "/api/v1/contacts", """
                {"email": "fixture@fixture-co.test", "externalId": "fixture-1", "firstName": "Fixture", "lastName": "Person",
                 "attributes": {"plan": "pro", "seats": 3}}""")));
        ids.put("scriptContact", created(t.api("POST", "/api/v1/contacts", """
                {"email": "script@fixture-co.test", "firstName": "<script>alert(1)</script>"}""")));
        ids.put("list", created(t.api("POST", "/api/v1/lists", """
                {"name": "Fixture list"}""")));
        assertThat(t.api("POST", "/api/v1/lists/" + ids.get("list") + "/members", """
                {"contactIds": ["%s"]}""".formatted(ids.get("contact"))).status()).isEqualTo(200);
        ids.put("segment", created(t.api("POST", "/api/v1/segments", """
                {"name": "Fixture segment", "condition": {"attribute": "attributes.plan", "op": "eq", "value": "pro"}}""")));
        ids.put("block", created(t.api("POST", "/api/v1/blocks", """
                {"name": "footer", "content": "<p>Fixture footer</p>"}""")));
        ids.put("template", created(t.api("POST", "/api/v1/templates", """
                {"name": "Fixture template", "channel": "email", "subject": "Hi {{firstName}}", "html": "<p>Hi {{firstName}}</p>{{> footer}}"}""")));
        ids.put("experiment", created(t.api("POST", "/api/v1/experiments", """
                {"name": "Fixture experiment", "metric": "open", "variants": [{"key": "a", "subject": "A"}, {"key": "b", "subject": "B"}]}""")));
        TestTenant.Answer upload = t.post("/api/v1/imports", "text/csv", "email,firstName\nimported@fixture-co.test,Imported\n");
        assertThat(upload.status()).as(upload.body()).isEqualTo(202);
        ids.put("import", upload.text("/id"));
        assertThat(settled()).as("the fixtures settled").isTrue();
        return ids;
    }

    private static String created(TestTenant.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.text("/id");
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table + " where workspace_id = ?").param(t.workspaceId()).query(Long.class).single();
    }

    private long uploadedFiles() {
        if (!Files.isDirectory(uploads)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(uploads)) {
            return files.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode parse(String text) {
        try {
            return text == null || text.isBlank() ? null : json.readTree(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}
