package dev.tendril.contact.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tendril.contact.internal.ImportJobStore.Claimed;
import dev.tendril.platform.Ids;
import dev.tendril.testing.IntegrationTest;
import dev.tendril.testing.TestTenant;
import dev.tendril.testing.TestTenants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ImportIntegrationTest {
    private static final String MAPPING = "?map.Email=email&map.First%20Name=firstName&map.Customer%20ID=externalId"
            + "&map.Plan=attributes.plan&skip=Notes&fileName=people.csv";

    @Autowired TestTenants tenants;
    @Autowired RunImport runImport;
    @Autowired JdbcClient jdbc;
    TestTenant t;

    @BeforeEach
    void tenant() {
        t = tenants.create();
    }

    @Test
    void importsGoodRowsAndListsBadOnesByRowNumber() {
        var upload = t.post("/api/v1/imports" + MAPPING, "text/csv", """
                Email,First Name,Plan,Seats,Trial,Customer ID,Notes
                ada@example.com,Ada,pro,12,true,u-1,first
                not-an-email,Bob,free,1,false,,x
                grace@example.com,Grace,pro,3,false,u-3,
                ,NoIds,free,2,true,,
                ADA@example.com,Augusta,enterprise,15,TRUE,,second
                mia@example.com,Mia,free,many,false,,
                ada@example.com,Imposter,free,1,false,u-3,
                """);
        assertThat(upload.status()).as(upload.body()).isEqualTo(202);
        assertThat(upload.text("/id")).startsWith("imp_");
        assertThat(upload.text("/fileName")).isEqualTo("people.csv");
        assertThat(upload.json().at("/rowsTotal").asInt()).isEqualTo(7);
        assertThat(upload.json().at("/mapping/Seats").asString()).isEqualTo("attributes.Seats");
        assertThat(upload.json().at("/mapping").has("Notes")).isFalse();

        var job = awaitFinished(t, upload.text("/id"));
        assertThat(job.text("/status")).as(job.body()).isEqualTo("completed");
        assertThat(job.json().at("/rowsDone").asInt()).isEqualTo(7);
        assertThat(job.json().at("/rowsFailed").asInt()).isEqualTo(4);
        assertThat(job.json().at("/rowsCreated").asInt()).isEqualTo(2);
        assertThat(job.json().at("/rowsUpdated").asInt()).isEqualTo(1);

        var errors = t.api("GET", "/api/v1/imports/" + upload.text("/id") + "/errors", null);
        assertThat(errors.json().at("/data").findValues("row").stream().map(n -> n.asInt())).containsExactly(2, 4, 6, 7);
        assertThat(errors.text("/data/0/reason")).isEqualTo("email: is not a valid email address");
        assertThat(errors.text("/data/1/reason")).isEqualTo("row: needs email or externalId");
        assertThat(errors.text("/data/2/reason")).contains("attributes.Seats").contains("number");
        assertThat(errors.text("/data/3/reason")).isEqualTo("email: another contact has this email");
        var page = t.api("GET", "/api/v1/imports/" + upload.text("/id") + "/errors?limit=3", null);
        assertThat(page.json().at("/data").size()).isEqualTo(3);
        var rest = t.api("GET", "/api/v1/imports/" + upload.text("/id") + "/errors?limit=3&cursor=" + page.text("/nextCursor"), null);
        assertThat(rest.json().at("/data/0/row").asInt()).isEqualTo(7);
        assertThat(rest.text("/nextCursor")).isNull();

        var ada = t.api("GET", "/api/v1/contacts?email=ada@example.com", null);
        assertThat(ada.json().at("/data").size()).isEqualTo(1);
        assertThat(ada.text("/data/0/firstName")).isEqualTo("Augusta");
        assertThat(ada.text("/data/0/externalId")).isEqualTo("u-1");
        assertThat(ada.text("/data/0/attributes/plan")).isEqualTo("enterprise");
        assertThat(ada.json().at("/data/0/attributes/Seats").isNumber()).isTrue();
        assertThat(ada.json().at("/data/0/attributes/Seats").asInt()).isEqualTo(15);
        assertThat(ada.json().at("/data/0/attributes/Trial").isBoolean()).isTrue();
        assertThat(ada.json().at("/data/0/attributes").has("Notes")).isFalse();
        assertThat(t.api("GET", "/api/v1/contacts?externalId=u-3", null).text("/data/0/firstName")).isEqualTo("Grace");
        assertThat(t.api("GET", "/api/v1/contacts", null).json().at("/data").size()).isEqualTo(2);
        assertThat(t.api("GET", "/api/v1/contacts/attributes", null).text("/Trial")).isEqualTo("boolean");

        var list = t.api("GET", "/api/v1/imports", null);
        assertThat(list.text("/data/0/id")).isEqualTo(upload.text("/id"));
    }

    @Test
    void importsInChunksAndNumbersRowsAcrossThem() {
        StringBuilder csv = new StringBuilder("email,lastName\n");
        for (int i = 1; i <= 1201; i++) {
            csv.append(i == 1000 ? "broken" : "p" + i + "@example.com").append(",Person ").append(i).append('\n');
        }
        var upload = t.post("/api/v1/imports", "text/csv", csv.toString());
        assertThat(upload.status()).as(upload.body()).isEqualTo(202);
        var job = awaitFinished(t, upload.text("/id"));
        assertThat(job.json().at("/rowsDone").asInt()).isEqualTo(1201);
        assertThat(job.json().at("/rowsCreated").asInt()).isEqualTo(1200);
        var errors = t.api("GET", "/api/v1/imports/" + upload.text("/id") + "/errors", null);
        assertThat(errors.json().at("/data/0/row").asInt()).isEqualTo(1000);
        assertThat(t.api("GET", "/api/v1/contacts?email=p1201@example.com", null).text("/data/0/lastName")).isEqualTo("Person 1201");
    }

    @Test
    void aResumedJobSkipsTheRowsItHadDone(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("resume.csv");
        Files.writeString(file, "email,firstName\na@example.com,A\nb@example.com,B\nc@example.com,C\n");
        long id = jdbc.sql("""
                insert into import_job (workspace_id, file_name, file_path, mapping, status, rows_total, rows_done, rows_created, heartbeat_at)
                values (?, 'resume.csv', ?, '{"email":"email","firstName":"firstName"}', 'running', 3, 2, 2, now()) returning id""")
                .params(t.workspaceId(), file.toString()).query(Long.class).single();

        runImport.run(new Claimed(id, t.workspaceId(), file, Map.of("email", "email", "firstName", "firstName"), 2), () -> false);

        var job = t.api("GET", "/api/v1/imports/" + Ids.IMPORT.format(id), null);
        assertThat(job.text("/status")).isEqualTo("completed");
        assertThat(job.json().at("/rowsDone").asInt()).isEqualTo(3);
        assertThat(job.json().at("/rowsCreated").asInt()).isEqualTo(3);
        assertThat(t.api("GET", "/api/v1/contacts?email=c@example.com", null).json().at("/data").size()).isEqualTo(1);
        assertThat(t.api("GET", "/api/v1/contacts?email=a@example.com", null).json().at("/data").size()).isZero();
        assertThat(file).doesNotExist();
    }

    @Test
    void badMappingOrEmptyFileIsRefusedNamingTheParameter() {
        var unknownField = t.post("/api/v1/imports?map.Email=emial", "text/csv", "Email,Name\na@example.com,A\n");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().at("/errors").findValuesAsString("field")).containsExactly("map.Email");
        var unknownColumn = t.post("/api/v1/imports?map.Mail=email", "text/csv", "Email\na@example.com\n");
        assertThat(unknownColumn.status()).isEqualTo(400);
        assertThat(unknownColumn.json().at("/errors").findValuesAsString("field")).contains("map.Mail");
        var noIdentity = t.post("/api/v1/imports", "text/csv", "First Name\nAda\n");
        assertThat(noIdentity.status()).isEqualTo(400);
        assertThat(noIdentity.json().at("/errors").findValuesAsString("field")).containsExactly("map");
        var empty = t.post("/api/v1/imports", "text/csv", "");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().at("/errors").findValuesAsString("field")).containsExactly("body");
        var typo = t.post("/api/v1/imports?mapp.Email=email", "text/csv", "Email\na@example.com\n");
        assertThat(typo.status()).isEqualTo(400);
        assertThat(t.api("GET", "/api/v1/imports", null).json().at("/data").size()).isZero();
    }

    @Test
    void anotherWorkspaceCannotSeeTheJob() {
        var upload = t.post("/api/v1/imports", "text/csv", "email\nx@example.com\n");
        assertThat(upload.status()).isEqualTo(202);
        TestTenant other = tenants.create();
        assertThat(other.api("GET", "/api/v1/imports/" + upload.text("/id"), null).status()).isEqualTo(404);
        assertThat(other.api("GET", "/api/v1/imports/" + upload.text("/id") + "/errors", null).status()).isEqualTo(404);
        assertThat(other.api("GET", "/api/v1/imports", null).json().at("/data").size()).isZero();
        assertThat(t.api("GET", "/api/v1/imports/imp_zzzz", null).status()).isEqualTo(404);
    }

    /** The worker runs in the background; wait for it, at most ten seconds. */
    static TestTenant.Answer awaitFinished(TestTenant t, String id) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            var job = t.api("GET", "/api/v1/imports/" + id, null);
            String status = job.text("/status");
            if ("completed".equals(status) || "failed".equals(status) || System.nanoTime() > deadline) {
                return job;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return job;
            }
        }
    }
}
