package dev.tendril.contact.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tendril.testing.IntegrationTest;
import dev.tendril.testing.TestTenant;
import dev.tendril.testing.TestTenants;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** Custom attributes are bounded per request (100) and per workspace (500), and REST bodies in size (1 MB). */
@IntegrationTest
class AttributeBoundsIntegrationTest {
    @Autowired TestTenants tenants;
    @Autowired JsonMapper json;
    TestTenant t;

    @BeforeEach
    void tenant() {
        t = tenants.create();
    }

    private static Map<String, Object> attributes(String prefix, int n) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            out.put(prefix + i, i);
        }
        return out;
    }

    private int attributeTypes() {
        return t.api("GET", "/api/v1/contacts/attributes", null).json().size();
    }

    @Test
    void aRequestWithTooManyAttributesIsRefusedWhole() {
        var answer = t.api("POST", "/api/v1/contacts", json.writeValueAsString(Map.of("email", "many@acme.io", "attributes",
                attributes("a", 101))));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text("/errors/0/field")).isEqualTo("attributes");
        assertThat(attributeTypes()).isZero();
        assertThat(t.api("GET", "/api/v1/contacts?email=many@acme.io", null).json().at("/data").size()).isZero();
    }

    @Test
    void aWorkspaceHoldsAtMostFiveHundredAttributeTypesAndTraitsPastThemAreLeftOut() {
        for (int r = 0; r < 5; r++) {
            assertThat(t.api("POST", "/api/v1/contacts", json.writeValueAsString(Map.of("email", "c" + r + "@acme.io", "attributes",
                    attributes("r" + r + "_", 100)))).status()).isEqualTo(201);
        }
        assertThat(attributeTypes()).isEqualTo(500);
        var refused = t.api("POST", "/api/v1/contacts", "{\"email\": \"late@acme.io\", \"attributes\": {\"oneTooMany\": 1}}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("/errors/0/field")).isEqualTo("attributes.oneTooMany");
        assertThat(t.api("POST", "/api/v1/contacts", "{\"email\": \"known@acme.io\", \"attributes\": {\"r0_1\": 7}}").status())
                .as("attributes already declared stay usable").isEqualTo(201);
        var traits = t.track("/v1/identify", "{\"userId\": \"u-traits\", \"traits\": {\"email\": \"t@acme.io\", \"brandNew\": true}}");
        assertThat(traits.status()).as("a batch is never refused for its traits").isEqualTo(200);
        assertThat(attributeTypes()).isEqualTo(500);
    }

    @Test
    void aBodyLargerThanAMegabyteIsA413() {
        String big = "x".repeat(1_100_000);
        var answer = t.api("POST", "/api/v1/contacts", "{\"email\": \"big@acme.io\", \"description\": \"" + big + "\"}");
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.text("/errors/0/field")).isEqualTo("body");
    }
}
