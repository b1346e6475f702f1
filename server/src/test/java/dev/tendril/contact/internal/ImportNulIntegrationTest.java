package dev.tendril.contact.internal;

import static dev.tendril.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tendril.testing.IntegrationTest;
import dev.tendril.testing.TestTenant;
import dev.tendril.testing.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A NUL character in a CSV cell, which PostgreSQL cannot store, fails its row with a clear error; the other rows are kept. */
@IntegrationTest
class ImportNulIntegrationTest {
    @Autowired TestTenants tenants;

    @Test
    void aCellWithANulCharacterFailsOnlyItsRow() {
        TestTenant t = tenants.create();
        var upload = t.post("/api/v1/imports", "text/csv", "email,firstName,plan\nnul@acme.io,A\u0000B,pro\nok@acme.io,Ok,pro\n");
        assertThat(upload.status()).isEqualTo(202);
        var job = eventually(() -> t.api("GET", "/api/v1/imports/" + upload.text("/id"), null),
                a -> "completed".equals(a.text("/status")) || "failed".equals(a.text("/status")));
        assertThat(job.text("/status")).as(job.body()).isEqualTo("completed");
        var errors = t.api("GET", "/api/v1/imports/" + upload.text("/id") + "/errors", null);
        assertThat(errors.json().at("/data").size()).isEqualTo(1);
        assertThat(errors.text("/data/0/row")).as("rows are numbered from the first after the header").isEqualTo("1");
        assertThat(errors.text("/data/0/reason")).isEqualTo("firstName: must not contain the NUL character (\\u0000)");
        assertThat(t.api("GET", "/api/v1/contacts?email=ok@acme.io", null).json().at("/data").size()).isEqualTo(1);
        assertThat(t.api("GET", "/api/v1/contacts?email=nul@acme.io", null).json().at("/data").size()).isZero();
    }
}
