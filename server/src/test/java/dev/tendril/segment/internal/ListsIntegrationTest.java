package dev.tendril.segment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tendril.testing.IntegrationTest;
import dev.tendril.testing.TestTenant;
import dev.tendril.testing.TestTenants;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ListsIntegrationTest {
    @Autowired TestTenants tenants;
    TestTenant t;

    @BeforeEach
    void tenant() {
        t = tenants.create();
    }

    String contact(String body) {
        return t.api("POST", "/api/v1/contacts", body).text("/id");
    }

    List<String> members(String list) {
        List<String> ids = new ArrayList<>();
        t.api("GET", "/api/v1/lists/" + list + "/members", null).json().get("data").forEach(m -> ids.add(m.get("id").asString()));
        return ids;
    }

    String list(String name) {
        var created = t.api("POST", "/api/v1/lists", "{\"name\": \"" + name + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.text("/id")).startsWith("ls_");
        return created.text("/id");
    }

    @Test
    void contactsAreAddedAndRemovedById() {
        String a = contact("{\"email\": \"a@acme.io\", \"firstName\": \"Ann\"}");
        String b = contact("{\"email\": \"b@acme.io\"}");
        String list = list("Webinar guests");
        var added = t.api("POST", "/api/v1/lists/" + list + "/members", "{\"contactIds\": [\"" + a + "\", \"" + b + "\", \"" + a + "\"]}");
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.text("/added")).isEqualTo("2");
        assertThat(members(list)).containsExactly(a, b);
        assertThat(t.api("GET", "/api/v1/lists/" + list, null).text("/size")).isEqualTo("2");
        assertThat(t.api("GET", "/api/v1/lists/" + list + "/members", null).text("/data/0/name")).isEqualTo("Ann");

        var removed = t.api("DELETE", "/api/v1/lists/" + list + "/members", "{\"contactIds\": [\"" + a + "\"]}");
        assertThat(removed.text("/removed")).isEqualTo("1");
        assertThat(members(list)).containsExactly(b);

        var bad = t.api("POST", "/api/v1/lists/" + list + "/members", "{\"contactIds\": [\"" + a + "\", \"ct_zzzzzz\"]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("contactIds[1]");
        assertThat(members(list)).containsExactly(b);
        assertThat(t.api("GET", "/api/v1/lists", null).text("/data/0/id")).isEqualTo(list);
    }

    @Test
    void aCsvAddsContactsByEmailOrExternalIdAndReportsUnknownRows() {
        String a = contact("{\"email\": \"a@acme.io\", \"externalId\": \"crm-1\"}");
        String b = contact("{\"email\": \"b@acme.io\", \"externalId\": \"crm-2\"}");
        String list = list("Imported");
        var byEmail = t.post("/api/v1/lists/" + list + "/members/csv", "text/csv", "name,email\nAnn,A@acme.io\nNobody,x@nowhere.io\n");
        assertThat(byEmail.status()).as(byEmail.body()).isEqualTo(200);
        assertThat(byEmail.text("/added")).isEqualTo("1");
        assertThat(byEmail.text("/unknown/0/row")).isEqualTo("2");
        assertThat(byEmail.text("/unknown/0/value")).isEqualTo("x@nowhere.io");
        var byExternalId = t.post("/api/v1/lists/" + list + "/members/csv", "text/csv", "externalId\ncrm-2\ncrm-1\n");
        assertThat(byExternalId.text("/added")).isEqualTo("1");
        assertThat(byExternalId.json().get("unknown").size()).isZero();
        assertThat(members(list)).containsExactly(a, b);
        var noColumn = t.post("/api/v1/lists/" + list + "/members/csv", "text/csv", "name\nAnn\n");
        assertThat(noColumn.status()).isEqualTo(400);
        assertThat(noColumn.body()).contains("email or externalId");
    }

    @Test
    void anotherWorkspacesListIsNotFoundAndADeletedListIsGone() {
        String list = list("Mine");
        TestTenant other = tenants.create();
        assertThat(other.api("GET", "/api/v1/lists/" + list, null).status()).isEqualTo(404);
        assertThat(other.api("GET", "/api/v1/lists/" + list + "/members", null).status()).isEqualTo(404);
        assertThat(other.api("DELETE", "/api/v1/lists/" + list, null).status()).isEqualTo(404);
        assertThat(t.api("DELETE", "/api/v1/lists/" + list, null).status()).isEqualTo(204);
        assertThat(t.api("GET", "/api/v1/lists/" + list, null).status()).isEqualTo(404);
    }
}
