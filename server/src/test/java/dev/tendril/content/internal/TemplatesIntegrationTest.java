package dev.tendril.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tendril.content.Templates;
import dev.tendril.testing.IntegrationTest;
import dev.tendril.testing.TestTenant;
import dev.tendril.testing.TestTenants;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class TemplatesIntegrationTest {
    @Autowired TestTenants tenants;
    @Autowired Templates templates;
    TestTenant t;

    @BeforeEach
    void tenant() {
        t = tenants.create();
    }

    TestTenant.Answer post(String path, String body) {
        return t.api("POST", path, body);
    }

    String created(String path, String body) {
        var answer = post(path, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.text("/id");
    }

    String contact(String body) {
        return created("/api/v1/contacts", body);
    }

    JsonNode preview(String templateId, String body) {
        var answer = post("/api/v1/templates/" + templateId + "/preview", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    @Test
    void emailTemplateRendersForAContactWithBlocksHelpersAndItsLocalTime() {
        String company = created("/api/v1/companies", "{\"name\": \"Acme\", \"domain\": \"acme.io\", \"industry\": \"Healthcare\"}");
        String ada = contact("{\"email\": \"ada@acme.io\", \"firstName\": \"ada\", \"timezone\": \"Europe/Berlin\", \"companyId\": \"" + company
                + "\", \"attributes\": {\"plan\": \"pro\", \"seats\": 12, \"locale\": \"de-DE\"}}");
        String anon = contact("{\"email\": \"someone@example.org\"}");
        created("/api/v1/blocks", "{\"name\": \"footer\", \"content\": \"<p>Tendril for {{default company.name \\\"you\\\"}}</p>\"}");
        String template = created("/api/v1/templates", """
                {"name": "Welcome", "channel": "email",
                 "subject": "{{greeting}}, {{default firstName \\"there\\"}}!",
                 "preheader": "{{pluralize attributes.seats \\"seat\\"}} on {{upper attributes.plan}}",
                 "html": "<html><body><h1>Hi {{capitalize firstName}} & co</h1><p>{{formatNumber attributes.seats 2}} {{company.name}}</p>{{> footer}}</body></html>"}""");
        assertThat(template).startsWith("tp_");

        JsonNode forAda = preview(template, "{\"contactId\": \"" + ada + "\"}");
        assertThat(forAda.get("subject").asString()).matches("(Guten Morgen|Guten Tag|Guten Abend), ada!");
        assertThat(forAda.get("preheader").asString()).isEqualTo("seats on PRO");
        assertThat(forAda.get("html").asString()).contains("<h1>Hi Ada & co</h1>", "<p>12,00 Acme</p>", "Tendril for Acme")
                .contains("display:none").contains("seats on PRO");
        assertThat(forAda.get("text").asString()).contains("Hi Ada & co").contains("12,00 Acme").doesNotContain("seats on PRO");
        assertThat(strings(forAda.get("dataUsed"))).contains("firstName", "company.name", "attributes.seats", "attributes.plan", "timezone");
        assertThat(forAda.get("personalizationScore").asInt()).isEqualTo(100);

        JsonNode forAnon = preview(template, "{\"contactId\": \"" + anon + "\"}");
        assertThat(forAnon.get("subject").asString()).matches("Good (morning|afternoon|evening), there!");
        assertThat(forAnon.get("html").asString()).contains("Tendril for you");
        assertThat(forAnon.get("personalizationScore").asInt()).isEqualTo(0);
    }

    @Test
    void invalidTemplatesAreRefusedNamingPartLineAndColumn() {
        var syntax = post("/api/v1/templates", """
                {"name": "Bad", "channel": "email", "subject": "Hi", "html": "<p>\\n{{#if firstName}}\\n  {{/iff}}"}""");
        assertThat(syntax.status()).isEqualTo(400);
        assertThat(syntax.text("/errors/0/field")).isEqualTo("html");
        assertThat(syntax.json().at("/errors/0/line").asInt()).isEqualTo(3);
        assertThat(syntax.json().at("/errors/0/column").asInt()).isEqualTo(6);
        assertThat(syntax.text("/errors/0/message")).contains("line 3, column 6").contains("iff");

        var helper = post("/api/v1/templates", """
                {"name": "Bad", "channel": "sms", "text": "Hi\\n  {{#shout firstName}}x{{/shout}}"}""");
        assertThat(helper.status()).isEqualTo(400);
        assertThat(helper.text("/errors/0/message")).isEqualTo("line 2, column 3: unknown helper 'shout'");

        var sub = post("/api/v1/templates", """
                {"name": "Bad", "channel": "sms", "text": "{{#if (loud firstName)}}x{{/if}}"}""");
        assertThat(sub.status()).isEqualTo(400);
        assertThat(sub.text("/errors/0/message")).contains("loud");

        var partial = post("/api/v1/templates", """
                {"name": "Bad", "channel": "push", "title": "x", "body": "ok\\n{{> nothere}}"}""");
        assertThat(partial.status()).isEqualTo(400);
        assertThat(partial.text("/errors/0/field")).isEqualTo("body");
        assertThat(partial.text("/errors/0/message")).isEqualTo("line 2, column 1: no block named 'nothere' in this workspace");

        var otherChannels = post("/api/v1/templates", """
                {"name": "Bad", "channel": "email", "subject": "Hi", "body": "a push template's part"}""");
        assertThat(otherChannels.status()).isEqualTo(400);
        assertThat(otherChannels.text("/errors/0/field")).isEqualTo("body");
        assertThat(otherChannels.text("/errors/0/message"))
                .isEqualTo("is not a field of email templates (known: channel, html, mjml, name, preheader, subject, text)");

        var self = post("/api/v1/blocks", "{\"name\": \"loop\", \"content\": \"again {{> loop}}\"}");
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.text("/errors/0/message")).contains("cannot include itself");

        String a = created("/api/v1/blocks", "{\"name\": \"a\", \"content\": \"A\"}");
        created("/api/v1/blocks", "{\"name\": \"b\", \"content\": \"B {{> a}}\"}");
        var cycle = t.api("PUT", "/api/v1/blocks/" + a, "{\"content\": \"A {{> b}}\"}");
        assertThat(cycle.status()).as(cycle.body()).isEqualTo(400);
        assertThat(cycle.text("/errors/0/message")).contains("makes a cycle: a → b → a");

        var missingPart = post("/api/v1/templates", "{\"name\": \"x\", \"channel\": \"email\", \"html\": \"<p>\"}");
        assertThat(missingPart.status()).isEqualTo(400);
        assertThat(missingPart.text("/errors/0/field")).isEqualTo("subject");
        var wrongChannel = post("/api/v1/templates", "{\"name\": \"x\", \"channel\": \"fax\"}");
        assertThat(wrongChannel.text("/errors/0/field")).isEqualTo("channel");
        var foreignPart = post("/api/v1/templates", "{\"name\": \"x\", \"channel\": \"sms\", \"text\": \"a\", \"html\": \"b\"}");
        assertThat(foreignPart.text("/errors/0/field")).isEqualTo("html");
    }

    @Test
    void lintWarnsAboutDataOutsideThePersonalisationData() {
        contact("{\"email\": \"x@example.org\", \"attributes\": {\"plan\": \"pro\"}}");
        var saved = post("/api/v1/templates", """
                {"name": "Lint", "channel": "sms", "text": "{{frstName}} {{attributes.plan}} {{attributes.tier}} {{company.nme}} {{#each behavior.recentPages}}{{path}}{{/each}} {{journey.step}}"}""");
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        List<String> warnings = new ArrayList<>();
        saved.json().get("warnings").forEach(w -> warnings.add(w.get("message").asString()));
        assertThat(warnings).containsExactly("'frstName' is not in the personalisation data, so it renders empty",
                "no contact has the custom attribute 'tier' yet, so 'attributes.tier' renders empty",
                "'company.nme' is not in the personalisation data, so it renders empty");
        assertThat(saved.json().at("/warnings/0/column").asInt()).isEqualTo(1);
    }

    @Test
    void versionsAreKeptAndOtherWorkspacesSeeNothing() {
        String id = created("/api/v1/templates", "{\"name\": \"V\", \"channel\": \"sms\", \"text\": \"one\"}");
        var second = t.api("PUT", "/api/v1/templates/" + id, "{\"text\": \"two {{firstName}}\"}");
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().get("version").asInt()).isEqualTo(2);
        assertThat(t.api("GET", "/api/v1/templates/" + id, null).text("/text")).isEqualTo("two {{firstName}}");
        assertThat(t.api("GET", "/api/v1/templates/" + id + "?version=1", null).text("/text")).isEqualTo("one");
        var versions = t.api("GET", "/api/v1/templates/" + id + "/versions", null);
        assertThat(versions.json().get("data").size()).isEqualTo(2);
        assertThat(t.api("PUT", "/api/v1/templates/" + id, "{\"channel\": \"email\", \"text\": \"x\"}").status()).isEqualTo(400);
        String ct = contact("{\"email\": \"v@example.org\", \"firstName\": \"Vera\"}");
        assertThat(preview(id, "{\"contactId\": \"" + ct + "\", \"version\": 1}").get("text").asString()).isEqualTo("one");
        assertThat(preview(id, "{\"contactId\": \"" + ct + "\"}").get("text").asString()).isEqualTo("two Vera");

        TestTenant other = tenants.create();
        assertThat(other.api("GET", "/api/v1/templates/" + id, null).status()).isEqualTo(404);
        assertThat(other.api("POST", "/api/v1/templates/" + id + "/preview", "{\"contactId\": \"" + ct + "\"}").status()).isEqualTo(404);
        assertThat(t.api("POST", "/api/v1/templates/" + id + "/preview", "{\"contactId\": \"ct_zzzz\"}").status()).isEqualTo(404);
        assertThat(templates.isUsable(other.workspaceId(), id)).isFalse();
        assertThat(templates.isUsable(t.workspaceId(), id)).isTrue();
        assertThat(t.api("DELETE", "/api/v1/templates/" + id, null).status()).isEqualTo(204);
        assertThat(t.api("GET", "/api/v1/templates/" + id, null).status()).isEqualTo(404);
    }

    @Test
    void deletingAnIncludedBlockMakesTemplatesUnusableUntilItIsBack() {
        String inner = created("/api/v1/blocks", "{\"name\": \"inner\", \"content\": \"in\"}");
        created("/api/v1/blocks", "{\"name\": \"outer\", \"content\": \"out {{> inner}}\"}");
        String id = created("/api/v1/templates", "{\"name\": \"T\", \"channel\": \"sms\", \"text\": \"{{> outer}}\"}");
        assertThat(templates.isUsable(t.workspaceId(), id)).isTrue();

        assertThat(t.api("DELETE", "/api/v1/blocks/" + inner, null).status()).isEqualTo(204);
        assertThat(templates.isUsable(t.workspaceId(), id)).isFalse();
        assertThat(templates.status(t.workspaceId(), id).orElseThrow().problems())
                .containsExactly("includes the block 'inner', which does not exist");
        var render = post("/api/v1/templates/" + id + "/render", "{\"contactIds\": []}");
        assertThat(render.status()).isEqualTo(409);

        created("/api/v1/blocks", "{\"name\": \"inner\", \"content\": \"back\"}");
        assertThat(templates.isUsable(t.workspaceId(), id)).isTrue();
        String ct = contact("{\"email\": \"b@example.org\"}");
        assertThat(preview(id, "{\"contactId\": \"" + ct + "\"}").get("text").asString()).isEqualTo("out back");
    }

    @Test
    void dynamicBlocksShowTheVariantWhoseConditionHolds() {
        String health = created("/api/v1/companies", "{\"name\": \"Clinic\", \"domain\": \"clinic.io\", \"industry\": \"Healthcare\"}");
        String retail = created("/api/v1/companies", "{\"name\": \"Shop\", \"domain\": \"shop.io\", \"industry\": \"Retail\"}");
        String doctor = contact("{\"email\": \"doc@clinic.io\", \"companyId\": \"" + health + "\"}");
        String seller = contact("{\"email\": \"sel@shop.io\", \"companyId\": \"" + retail + "\"}");
        var block = post("/api/v1/blocks", """
                {"name": "caseStudy", "content": "Case study B for {{default company.name \\"you\\"}}",
                 "variants": [{"condition": {"attribute": "company.industry", "op": "eq", "value": "healthcare"},
                               "content": "Case study A: hospitals like {{company.name}}"}]}""");
        assertThat(block.status()).as(block.body()).isEqualTo(201);
        assertThat(block.text("/kind")).isEqualTo("dynamic");
        var unknownList = post("/api/v1/blocks", """
                {"name": "vipOffer", "content": "-", "variants": [{"condition": {"inList": "ls_zzzz"}, "content": "VIP"}]}""");
        assertThat(unknownList.status()).isEqualTo(400);
        assertThat(unknownList.text("/errors/0/field")).isEqualTo("variants[0].condition.inList");
        String id = created("/api/v1/templates", "{\"name\": \"D\", \"channel\": \"sms\", \"text\": \"{{> caseStudy}}\"}");

        JsonNode a = preview(id, "{\"contactId\": \"" + doctor + "\"}");
        assertThat(a.get("text").asString()).isEqualTo("Case study A: hospitals like Clinic");
        assertThat(a.at("/dynamicContent/caseStudy").asInt()).isEqualTo(0);
        assertThat(a.get("personalizationScore").asInt()).isEqualTo(100);
        JsonNode b = preview(id, "{\"contactId\": \"" + seller + "\"}");
        assertThat(b.get("text").asString()).isEqualTo("Case study B for Shop");
        assertThat(b.at("/dynamicContent/caseStudy").asInt()).isEqualTo(-1);
        assertThat(b.get("personalizationScore").asInt()).isEqualTo(33);

        created("/api/v1/blocks", "{\"name\": \"wrapper\", \"content\": \"[{{> caseStudy}}]\"}");
        String nested = created("/api/v1/templates", "{\"name\": \"N\", \"channel\": \"sms\", \"text\": \"{{> wrapper}}\"}");
        assertThat(preview(nested, "{\"contactId\": \"" + doctor + "\"}").get("text").asString()).isEqualTo("[Case study A: hospitals like Clinic]");

        var badCondition = post("/api/v1/blocks", """
                {"name": "bad", "content": "x", "variants": [{"condition": {"attribute": "title", "op": "nope", "value": 1}, "content": "y"}]}""");
        assertThat(badCondition.status()).isEqualTo(400);
        assertThat(badCondition.text("/errors/0/field")).startsWith("variants[0].condition");
    }

    @Test
    void templatesReadTheLeadScore() {
        String vp = contact("{\"email\": \"vp@bigco.io\", \"title\": \"VP Sales\"}");
        String template = "{\"channel\": \"sms\", \"contactId\": \"" + vp + "\", "
                + "\"text\": \"{{score.total}} {{score.grade}} {{#if (eq score.temperature \\\"cold\\\")}}cold{{/if}}\"}";
        long deadline = System.nanoTime() + 5_000_000_000L;
        String text;
        do { // the contact is scored in the background, within a second of its creation
            text = post("/api/v1/templates/preview", template).text("/text");
        } while (text.startsWith("0.0") && System.nanoTime() < deadline);
        assertThat(text).isEqualTo("20.0 D cold"); // senior title 15 + business email 5: fit 20 is grade D
    }

    @Test
    void previewRendersUnsavedContentAndRunawayTemplatesAreStoppedClearly() {
        String ct = contact("{\"email\": \"p@example.org\", \"firstName\": \"Pia\"}");
        String id = created("/api/v1/templates", "{\"name\": \"P\", \"channel\": \"email\", \"subject\": \"S\", \"html\": \"<p>saved</p>\"}");
        JsonNode draft = preview(id, "{\"contactId\": \"" + ct + "\", \"html\": \"<p>draft {{firstName}}</p>\", \"subject\": \"Hi {{firstName}}\"}");
        assertThat(draft.get("subject").asString()).isEqualTo("Hi Pia");
        assertThat(draft.get("html").asString()).contains("<p>draft Pia</p>");
        assertThat(t.api("GET", "/api/v1/templates/" + id, null).text("/html")).isEqualTo("<p>saved</p>");

        var bad = post("/api/v1/templates/" + id + "/preview", "{\"contactId\": \"" + ct + "\", \"html\": \"{{#if}}\"}");
        assertThat(bad.status()).isEqualTo(400);

        String loops = "{{#each (default attributes.big behavior.recentPages)}}x{{/each}}";
        var unsaved = post("/api/v1/templates/preview", "{\"channel\": \"sms\", \"contactId\": \"" + ct + "\", \"text\": \"{{capitalize firstName}} " + loops + "\"}");
        assertThat(unsaved.status()).as(unsaved.body()).isEqualTo(200);
        assertThat(unsaved.text("/text")).isEqualTo("Pia ");

        String big = contact("{\"email\": \"big@example.org\", \"attributes\": {\"big\": " + java.util.stream.IntStream.range(0, 2000).boxed().toList() + "}}");
        var runaway = post("/api/v1/templates/preview", "{\"channel\": \"sms\", \"contactId\": \"" + big
                + "\", \"text\": \"{{#each attributes.big}}{{#each @root.attributes.big}}{{/each}}{{/each}}\"}");
        assertThat(runaway.status()).as(runaway.body()).isEqualTo(422);
        assertThat(runaway.text("/detail")).contains("the template could not be rendered").contains("steps");
        var java = post("/api/v1/templates/preview", "{\"channel\": \"sms\", \"contactId\": \"" + ct
                + "\", \"text\": \"[{{class}}{{this.getClass}}{{toString}}{{firstName.bytes}}]\"}");
        assertThat(java.text("/text")).isEqualTo("[]");
    }
}
