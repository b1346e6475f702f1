package dev.tendril.segment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tendril.testing.IntegrationTest;
import dev.tendril.testing.TestTenant;
import dev.tendril.testing.TestTenants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * A condition too large to evaluate safely is refused with a 400 naming it, and nothing is stored (a body past 1 MB, such
 * as an in-list of 100,000 values, is refused before it is read: a 413).
 */
@IntegrationTest
class ConditionBoundsIntegrationTest {
    @Autowired TestTenants tenants;
    @Autowired JsonMapper json;
    TestTenant t;

    @BeforeEach
    void tenant() {
        t = tenants.create();
    }

    @Test
    void anInListOfFiftyThousandValuesIsRefused() {
        String condition = json.writeValueAsString(Map.of("attribute", "title", "op", "in",
                "value", IntStream.range(0, 50_000).mapToObj(i -> "t" + i).toList()));
        var preview = t.api("POST", "/api/v1/segments/preview", "{\"condition\": " + condition + "}");
        assertThat(preview.status()).isEqualTo(400);
        assertThat(preview.text("/errors/0/field")).isEqualTo("condition");
        assertThat(preview.text("/errors/0/message")).contains("50000 values");
    }

    @Test
    void anOrOfTwoThousandEventTestsIsRefusedAndNotStored() {
        List<Object> any = new ArrayList<>();
        IntStream.range(0, 2_000).forEach(i -> any.add(Map.of("event", "Event " + i)));
        int before = t.api("GET", "/api/v1/segments?limit=500", null).json().at("/data").size();
        var created = t.api("POST", "/api/v1/segments", json.writeValueAsString(Map.of("name", "Huge", "condition", Map.of("or", any))));
        assertThat(created.status()).isEqualTo(400);
        assertThat(created.text("/errors/0/message")).contains("2000 tests");
        assertThat(t.api("GET", "/api/v1/segments?limit=500", null).json().at("/data").size()).isEqualTo(before);
    }
}
