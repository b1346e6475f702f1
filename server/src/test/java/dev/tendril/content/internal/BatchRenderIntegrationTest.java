package dev.tendril.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tendril.content.RenderInputs;
import dev.tendril.content.RenderedMessage;
import dev.tendril.content.Templates;
import dev.tendril.platform.Ids;
import dev.tendril.testing.IntegrationTest;
import dev.tendril.testing.QueryCounter;
import dev.tendril.testing.TestTenant;
import dev.tendril.testing.TestTenants;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class BatchRenderIntegrationTest {
    @Autowired TestTenants tenants;
    @Autowired Templates templates;

    @Test
    void rendersTwoHundredContactsWithTheSameFewQueriesAsTwenty() {
        TestTenant t = tenants.create();
        String company = t.api("POST", "/api/v1/companies", "{\"name\": \"Clinic\", \"domain\": \"clinic.io\", \"industry\": \"Healthcare\"}")
                .text("/id");
        StringBuilder batch = new StringBuilder("{\"batch\": [");
        for (int i = 0; i < 200; i++) {
            String domain = i % 2 == 0 ? "clinic.io" : "shop.io";
            batch.append(i == 0 ? "" : ",").append("{\"type\": \"identify\", \"userId\": \"u-").append(i)
                    .append("\", \"traits\": {\"email\": \"u").append(i).append('@').append(domain).append("\", \"firstName\": \"User").append(i)
                    .append("\", \"plan\": \"").append(i % 3 == 0 ? "pro" : "free").append("\"}}");
            for (int p = 0; p < i % 3; p++) {
                batch.append(",{\"type\": \"page\", \"userId\": \"u-").append(i).append("\", \"name\": \"Page ").append(p)
                        .append("\", \"properties\": {\"path\": \"/p").append(p).append("\"}}");
            }
        }
        var sent = t.track("/v1/batch", batch.append("]}").toString());
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        Map<Long, Integer> number = new HashMap<>();
        t.api("GET", "/api/v1/contacts?limit=500", null).json().get("data").forEach(c -> {
            long id = Ids.CONTACT.require(c.get("id").asString());
            ids.add(id);
            number.put(id, Integer.parseInt(c.get("firstName").asString().substring(4)));
        });
        assertThat(ids).hasSize(200);
        for (long id : ids) {
            if (number.get(id) % 2 == 0) {
                t.api("PATCH", "/api/v1/contacts/" + Ids.CONTACT.format(id), "{\"companyId\": \"" + company + "\"}");
            }
        }
        t.api("POST", "/api/v1/blocks", """
                {"name": "offer", "content": "Standard offer",
                 "variants": [{"condition": {"attribute": "company.industry", "op": "eq", "value": "Healthcare"}, "content": "Clinic offer"},
                              {"condition": {"event": {"type": "page"}, "count": {"op": "at_least", "value": 2}}, "content": "Reader offer"}]}""");
        String template = t.api("POST", "/api/v1/templates", """
                {"name": "Batch", "channel": "email", "subject": "{{default firstName \\"there\\"}}, {{journey.campaign}}",
                 "html": "<html><head><style>p { color: #333 } .x { font-weight: bold }</style></head><body><p class=\\"x\\">{{> offer}}</p><ul>{{#each behavior.recentPages}}<li>{{path}}</li>{{/each}}</ul><p>{{upper attributes.plan}} {{trigger.item}}</p></body></html>"}""")
                .text("/id");

        Map<Long, Map<String, Object>> triggers = new HashMap<>();
        ids.forEach(id -> triggers.put(id, Map.of("item", "item-" + number.get(id))));
        RenderInputs inputs = RenderInputs.of(Map.of("campaign", "Spring sale"), triggers);
        templates.render(t.workspaceId(), template, null, ids.subList(0, 1), inputs); // compiles and caches

        var twenty = QueryCounter.count(() -> templates.render(t.workspaceId(), template, null, ids.subList(0, 20), inputs));
        long start = System.nanoTime();
        var all = QueryCounter.count(() -> templates.render(t.workspaceId(), template, null, ids, inputs));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("RENDER 200 contacts: " + all.statements() + " statements (20 contacts: " + twenty.statements() + "), " + millis + " ms");

        assertThat(all.statements()).isEqualTo(twenty.statements()).isLessThanOrEqualTo(15);
        List<RenderedMessage> messages = all.result();
        assertThat(messages).hasSize(200).allSatisfy(m -> assertThat(m.failed()).as(m.error()).isFalse());
        for (RenderedMessage m : messages) {
            int n = number.get(Ids.CONTACT.require(m.contactId()));
            assertThat(m.parts().get("subject")).isEqualTo("User" + n + ", Spring sale");
            String html = m.parts().get("html");
            String offer = n % 2 == 0 ? "Clinic offer" : n % 3 == 2 ? "Reader offer" : "Standard offer";
            assertThat(html).contains(offer).contains("style=\"color: #333; font-weight: bold;\"").doesNotContain("<style")
                    .contains((n % 3 == 0 ? "PRO" : "FREE") + " item-" + n);
            for (int p = 0; p < n % 3; p++) {
                assertThat(html).contains("<li>/p" + p + "</li>");
            }
            assertThat(m.parts().get("text")).contains(offer);
            assertThat(m.dataUsed()).contains("firstName", "journey.campaign", "trigger.item");
        }
    }
}
