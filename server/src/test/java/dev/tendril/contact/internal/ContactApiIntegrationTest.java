package dev.tendril.contact.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tendril.testing.IntegrationTest;
import dev.tendril.testing.TestTenant;
import dev.tendril.testing.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ContactApiIntegrationTest {
    @Autowired TestTenants tenants;
    TestTenant t;

    @BeforeEach
    void tenant() {
        t = tenants.create();
    }

    @Test
    void createsReadsPatchesAndDeletesAContact() {
        var created = t.api("POST", "/api/v1/contacts", """
                {"email": "Ada@Example.com", "firstName": "Ada", "lastName": "Lovelace", "phone": "+44 20 7946 0958",
                 "timezone": "Europe/London", "title": "VP Engineering",
                 "attributes": {"plan": "pro", "seats": 12, "trial": true, "renewsOn": "2027-01-31", "tags": ["a", "b"]}}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.text("/id");
        assertThat(id).startsWith("ct_");
        assertThat(created.text("/email")).isEqualTo("ada@example.com");
        assertThat(created.text("/phone")).isEqualTo("+442079460958");

        var read = t.api("GET", "/api/v1/contacts/" + id, null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().at("/attributes/seats").asInt()).isEqualTo(12);
        assertThat(read.json().at("/attributes/trial").asBoolean()).isTrue();

        var patched = t.api("PATCH", "/api/v1/contacts/" + id, """
                {"title": null, "attributes": {"seats": 15, "plan": null}}""");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.text("/title")).isNull();
        assertThat(patched.json().at("/attributes/seats").asInt()).isEqualTo(15);
        assertThat(patched.json().at("/attributes").has("plan")).isFalse();
        assertThat(patched.text("/firstName")).isEqualTo("Ada");

        var types = t.api("GET", "/api/v1/contacts/attributes", null);
        assertThat(types.text("/seats")).isEqualTo("number");
        assertThat(types.text("/renewsOn")).isEqualTo("date");
        assertThat(types.text("/tags")).isEqualTo("list");

        assertThat(t.api("DELETE", "/api/v1/contacts/" + id, null).status()).isEqualTo(204);
        assertThat(t.api("GET", "/api/v1/contacts/" + id, null).status()).isEqualTo(404);
    }

    @Test
    void upsertMatchesExternalIdThenEmail() {
        var first = t.api("PUT", "/api/v1/contacts", """
                {"externalId": "u-1", "email": "grace@example.com", "firstName": "Grace"}""");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        var byEmail = t.api("PUT", "/api/v1/contacts", """
                {"email": "grace@example.com", "lastName": "Hopper"}""");
        assertThat(byEmail.status()).isEqualTo(200);
        assertThat(byEmail.text("/id")).isEqualTo(first.text("/id"));
        assertThat(byEmail.text("/firstName")).isEqualTo("Grace");
        assertThat(byEmail.text("/lastName")).isEqualTo("Hopper");
        var none = t.api("PUT", "/api/v1/contacts", """
                {"firstName": "Nobody"}""");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body()).contains("email").contains("externalId");
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndStoresNothing() {
        var bad = t.api("POST", "/api/v1/contacts", """
                {"email": "not-an-email", "phone": "12", "timezone": "Mars/Olympus", "shoeSize": 44}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("/status")).isEqualTo("400");
        assertThat(bad.json().at("/errors").findValuesAsString("field"))
                .contains("email", "phone", "timezone", "shoeSize");
        var malformed = t.api("POST", "/api/v1/contacts", "{\"email\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).contains("malformed JSON");
        assertThat(t.api("GET", "/api/v1/contacts", null).json().at("/data").size()).isZero();

        t.api("POST", "/api/v1/contacts", """
                {"email": "typed@example.com", "attributes": {"seats": 3}}""");
        var wrongType = t.api("POST", "/api/v1/contacts", """
                {"email": "other@example.com", "attributes": {"seats": "many"}}""");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body()).contains("attributes.seats");
        var duplicate = t.api("POST", "/api/v1/contacts", """
                {"email": "TYPED@example.com"}""");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(t.api("GET", "/api/v1/contacts", null).json().at("/data").size()).isEqualTo(1);
    }

    @Test
    void listsWithCursorPagesAndFilters() {
        for (int i = 0; i < 7; i++) {
            t.api("POST", "/api/v1/contacts", """
                    {"email": "p%d@example.com", "attributes": {"plan": "%s", "seats": %d}}""".formatted(i, i % 2 == 0 ? "pro" : "free", i));
        }
        var page1 = t.api("GET", "/api/v1/contacts?limit=3", null);
        assertThat(page1.json().at("/data").size()).isEqualTo(3);
        assertThat(page1.text("/data/0/email")).isEqualTo("p6@example.com");
        var page2 = t.api("GET", "/api/v1/contacts?limit=3&cursor=" + page1.text("/nextCursor"), null);
        assertThat(page2.text("/data/0/email")).isEqualTo("p3@example.com");
        var page3 = t.api("GET", "/api/v1/contacts?limit=3&cursor=" + page2.text("/nextCursor"), null);
        assertThat(page3.json().at("/data").size()).isEqualTo(1);
        assertThat(page3.text("/nextCursor")).isNull();

        assertThat(t.api("GET", "/api/v1/contacts?attr.plan=pro", null).json().at("/data").size()).isEqualTo(4);
        assertThat(t.api("GET", "/api/v1/contacts?attr.seats=5", null).text("/data/0/email")).isEqualTo("p5@example.com");
        assertThat(t.api("GET", "/api/v1/contacts?email=P2@example.com", null).text("/data/0/email")).isEqualTo("p2@example.com");
        assertThat(t.api("GET", "/api/v1/contacts?limit=0", null).status()).isEqualTo(400);
        assertThat(t.api("GET", "/api/v1/contacts?cursor=@@@", null).status()).isEqualTo(400);
    }

    @Test
    void linksContactsToCompaniesByIdAndByEmailDomain() {
        var early = t.api("POST", "/api/v1/contacts", """
                {"email": "cto@acme.io"}""");
        var company = t.api("POST", "/api/v1/companies", """
                {"name": "Acme", "domain": "acme.io", "industry": "Software", "employees": 250}""");
        assertThat(company.status()).as(company.body()).isEqualTo(201);
        String companyId = company.text("/id");
        assertThat(t.api("GET", "/api/v1/contacts/" + early.text("/id"), null).text("/companyId")).isEqualTo(companyId);
        var late = t.api("POST", "/api/v1/contacts", """
                {"email": "cfo@acme.io"}""");
        assertThat(late.text("/companyId")).isEqualTo(companyId);
        var other = t.api("POST", "/api/v1/companies", """
                {"name": "Globex"}""");
        var linked = t.api("POST", "/api/v1/contacts", """
                {"email": "x@elsewhere.org", "companyId": "%s"}""".formatted(other.text("/id")));
        assertThat(linked.text("/companyId")).isEqualTo(other.text("/id"));
        assertThat(t.api("GET", "/api/v1/contacts?companyId=" + companyId, null).json().at("/data").size()).isEqualTo(2);
        assertThat(t.api("POST", "/api/v1/companies", "{\"domain\": \"acme.io\"}").status()).isEqualTo(409);
        assertThat(t.api("POST", "/api/v1/companies", "{\"employees\": \"lots\"}").body()).contains("employees");
    }
}
