package dev.tendril.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tendril.testing.IntegrationTest;
import dev.tendril.testing.TestTenant;
import dev.tendril.testing.TestTenants;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ImportCommandIntegrationTest {
    @Autowired TestTenants tenants;
    @TempDir Path dir;
    TestTenant t;
    Path file;

    @BeforeEach
    void tenantAndFile() throws IOException {
        t = tenants.create();
        file = dir.resolve("people.csv");
        Files.writeString(file, """
                E-mail,First Name,Plan
                ada@example.com,Ada,pro
                grace@example.com,Grace,free
                nobody-at-example,Nobody,free
                """);
    }

    @Test
    void importsAFileAndSummarisesIt() {
        Run run = run("import", file.toString(), "--url", t.baseUrl(), "--key", t.secretKey(),
                "--map", "E-mail=email", "--map", "First Name=firstName", "--map", "Plan=attributes.plan");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("3 rows").contains("2 created, 0 updated, 1 failed").contains("row 3: email: is not a valid email address");
        var ada = t.api("GET", "/api/v1/contacts?email=ada@example.com", null);
        assertThat(ada.text("/data/0/firstName")).isEqualTo("Ada");
        assertThat(ada.text("/data/0/attributes/plan")).isEqualTo("pro");
    }

    @Test
    void runsWithTheDefaultConsoleAndHeadersAsExportsWriteThem() {
        int code = TendrilCommand.run(new String[] {"import", file.toString(), "--url", t.baseUrl(), "--key", t.secretKey()});
        assertThat(code).isZero();
        var grace = t.api("GET", "/api/v1/contacts?email=grace@example.com", null);
        assertThat(grace.json().at("/data").size()).isEqualTo(1);
        assertThat(grace.text("/data/0/firstName")).isEqualTo("Grace"); // "E-mail" and "First Name" spell contact fields
        assertThat(grace.text("/data/0/attributes/Plan")).isEqualTo("free");
    }

    @Test
    void explainsWhatWentWrong() {
        Run badKey = run("import", file.toString(), "--url", t.baseUrl(), "--key", "sk_wrong", "--map", "E-mail=email");
        assertThat(badKey.code()).isEqualTo(1);
        assertThat(badKey.err()).contains("refused the API key");

        Run badMapping = run("import", file.toString(), "--url", t.baseUrl(), "--key", t.secretKey(), "--map", "E-mail=mail");
        assertThat(badMapping.code()).isEqualTo(1);
        assertThat(badMapping.err()).contains("400").contains("map.E-mail");

        Run missing = run("import", dir.resolve("nope.csv").toString(), "--url", t.baseUrl(), "--key", t.secretKey());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("Cannot read the file").contains("nope.csv");

        Run refused = run("import", file.toString(), "--url", "http://localhost:1", "--key", t.secretKey());
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("Cannot connect to Tendril at http://localhost:1");

        assertThat(t.api("GET", "/api/v1/contacts", null).json().at("/data").size()).isZero();
    }

    @Test
    void readsTheKeyFromTendrilApiKeyNeverFromTheServersEncryptionKey() {
        // A shell that starts the server holds TENDRIL_SECRET_KEY, the server's encryption key: never an API key.
        Run serverShell = runIn(Map.of("TENDRIL_SECRET_KEY", t.secretKey()), "import", file.toString(), "--url", t.baseUrl());
        assertThat(serverShell.code()).isEqualTo(1);
        assertThat(serverShell.err()).contains("No API key").contains("--key or the TENDRIL_API_KEY environment variable");
        assertThat(t.api("GET", "/api/v1/contacts", null).json().at("/data").size()).isZero();

        Run fromVariable = runIn(Map.of("TENDRIL_API_KEY", t.secretKey(), "TENDRIL_SECRET_KEY", "sk_the_encryption_key"),
                "import", file.toString(), "--url", t.baseUrl(), "--map", "E-mail=email");
        assertThat(fromVariable.code()).as(fromVariable.err()).isZero();
        assertThat(fromVariable.out()).contains("2 created");

        Run option = runIn(Map.of("TENDRIL_API_KEY", "sk_not_this_one"), "import", file.toString(), "--url", t.baseUrl(),
                "--key", t.secretKey(), "--map", "E-mail=email");
        assertThat(option.code()).as("--key wins over the variable: " + option.err()).isZero();
        assertThat(option.out()).contains("0 created, 2 updated");

        Run help = run("import", "--help");
        assertThat(help.out()).contains("TENDRIL_API_KEY").doesNotContain("TENDRIL_SECRET_KEY");
    }

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        return runIn(Map.of(), args);
    }

    private static Run runIn(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TendrilCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true), environment);
        return new Run(code, out.toString(), err.toString());
    }
}
