package dev.tendril.experiment.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.tendril.testing.IntegrationTest;
import dev.tendril.testing.TestTenant;
import dev.tendril.testing.TestTenants;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAI-compatible provider against a real HTTP server (WireMock) playing the chat-completions API. */
@IntegrationTest
class AiVariantsIntegrationTest {
    static WireMockServer llm;

    @Autowired TestTenants tenants;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    TestTenant t;

    @BeforeAll
    static void startServer() {
        llm = new WireMockServer(options().dynamicPort());
        llm.start();
    }

    @AfterAll
    static void stopServer() {
        llm.stop();
    }

    @BeforeEach
    void tenant() {
        llm.resetAll();
        t = tenants.create();
    }

    String experiment() {
        var created = t.api("POST", "/api/v1/experiments", """
                {"name": "Spring sale subject", "metric": "open",
                 "variants": [{"key": "a", "subject": "Our spring sale", "preheader": "Ends Sunday"}, {"key": "b", "subject": "Spring sale!"}]}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("/id");
    }

    void configure(String apiKey) {
        var put = t.api("PUT", "/api/v1/experiments/ai-settings",
                "{\"baseUrl\": \"" + llm.baseUrl() + "/v1/\", \"model\": \"gpt-test\", \"apiKey\": \"" + apiKey + "\"}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
    }

    /** A chat-completions answer whose message content is {@code content}. */
    String completion(String content) {
        var root = json.createObjectNode();
        root.put("id", "chatcmpl-1").put("object", "chat.completion").put("model", "gpt-test");
        var choice = root.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        return json.writeValueAsString(root);
    }

    @Test
    void proposalsFollowTheChatCompletionsWireFormatAndAnAcceptedOneBecomesAVariant() {
        String id = experiment();
        configure("sk-test-123");
        llm.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(okJson(completion("""
                ```json
                {"variants": [{"subject": "Last chance: 30% off spring", "preheader": "Sale ends Sunday at midnight"},
                              {"subject": "Your spring picks are waiting"}]}
                ```"""))));

        var proposed = t.api("POST", "/api/v1/experiments/" + id + "/ai-proposals", "{\"count\": 2, \"instructions\": \"Urgent tone\"}");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        assertThat(proposed.text("/data/0/id")).startsWith("ap_");
        assertThat(proposed.text("/data/0/subject")).isEqualTo("Last chance: 30% off spring");
        assertThat(proposed.text("/data/0/preheader")).isEqualTo("Sale ends Sunday at midnight");
        assertThat(proposed.text("/data/0/status")).isEqualTo("pending");
        assertThat(proposed.text("/data/0/model")).isEqualTo("gpt-test");
        assertThat(proposed.text("/data/1/preheader")).isNull();

        llm.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer sk-test-123"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-test")))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system")))
                .withRequestBody(matchingJsonPath("$.messages[1].role", equalTo("user"))));
        JsonNode sent = json.readTree(llm.getAllServeEvents().getFirst().getRequest().getBodyAsString());
        assertThat(sent.at("/messages/0/content").asString()).contains("JSON only");
        assertThat(sent.at("/messages/1/content").asString())
                .contains("Spring sale subject", "open rate", "Our spring sale | preheader: Ends Sunday", "Urgent tone", "Propose 2");

        // Nothing is used until accepted: the experiment still has its two variants.
        assertThat(t.api("GET", "/api/v1/experiments/" + id, null).json().get("variants").size()).isEqualTo(2);
        String proposal = proposed.text("/data/0/id");
        var accepted = t.api("POST", "/api/v1/experiments/" + id + "/ai-proposals/" + proposal + "/accept", null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("variants").size()).isEqualTo(3);
        assertThat(accepted.text("/variants/2/subject")).isEqualTo("Last chance: 30% off spring");
        assertThat(accepted.text("/variants/2/preheader")).isEqualTo("Sale ends Sunday at midnight");
        assertThat(accepted.text("/variants/2/key")).startsWith("ai-");
        var listed = t.api("GET", "/api/v1/experiments/" + id + "/ai-proposals", null);
        assertThat(listed.text("/data/0/status")).isEqualTo("accepted");
        assertThat(listed.text("/data/0/variant")).isEqualTo(accepted.text("/variants/2/key"));
        assertThat(listed.text("/data/1/status")).isEqualTo("pending");
        assertThat(t.api("POST", "/api/v1/experiments/" + id + "/ai-proposals/" + proposal + "/accept", null).status()).isEqualTo(409);

        // Once running, no more proposals and no more accepting.
        assertThat(t.api("POST", "/api/v1/experiments/" + id + "/start", null).status()).isEqualTo(200);
        assertThat(t.api("POST", "/api/v1/experiments/" + id + "/ai-proposals/" + listed.text("/data/1/id") + "/accept", null).status())
                .isEqualTo(409);
        assertThat(t.api("POST", "/api/v1/experiments/" + id + "/ai-proposals", null).status()).isEqualTo(409);
        assertThat(llm.getAllServeEvents()).hasSize(1);
    }

    @Test
    void withoutSettingsNothingIsSentEvenWhenAnotherWorkspaceConfiguredAProvider() {
        TestTenant configured = t;
        configure("sk-other");
        t = tenants.create();
        String id = experiment();
        var answer = t.api("POST", "/api/v1/experiments/" + id + "/ai-proposals", "{}");
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.text("/errors/0/field")).isEqualTo("aiSettings");
        assertThat(answer.text("/detail")).contains("ai-settings");
        assertThat(t.api("GET", "/api/v1/experiments/ai-settings", null).text("/configured")).isEqualTo("false");
        assertThat(configured.api("GET", "/api/v1/experiments/ai-settings", null).text("/configured")).isEqualTo("true");
        assertThat(configured.api("POST", "/api/v1/experiments/" + id + "/ai-proposals", "{}").status()).as("not its experiment")
                .isEqualTo(404);
        assertThat(llm.getAllServeEvents()).isEmpty();

        // Turning AI off again stops calls too.
        assertThat(configured.api("DELETE", "/api/v1/experiments/ai-settings", null).status()).isEqualTo(204);
        assertThat(configured.api("GET", "/api/v1/experiments/ai-settings", null).text("/configured")).isEqualTo("false");
        assertThat(llm.getAllServeEvents()).isEmpty();
    }

    @Test
    void theApiKeyIsStoredEncryptedAndNeverShown() {
        configure("sk-very-secret-key");
        var got = t.api("GET", "/api/v1/experiments/ai-settings", null);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.body()).doesNotContain("sk-very-secret-key");
        assertThat(got.json().has("apiKey")).isFalse();
        assertThat(got.text("/apiKeySet")).isEqualTo("true");
        assertThat(got.text("/baseUrl")).isEqualTo(llm.baseUrl() + "/v1");
        assertThat(got.text("/provider")).isEqualTo("openai-compatible");
        byte[] stored = jdbc.sql("select api_key_sealed from experiment_ai_settings where workspace_id = ?").param(t.workspaceId())
                .query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("sk-very-secret");

        var modelOnly = t.api("PUT", "/api/v1/experiments/ai-settings", "{\"baseUrl\": \"" + llm.baseUrl() + "/v1\", \"model\": \"m2\"}");
        assertThat(modelOnly.text("/apiKeySet")).as("absent apiKey keeps the key").isEqualTo("true");
        var noKey = t.api("PUT", "/api/v1/experiments/ai-settings", "{\"baseUrl\": \"" + llm.baseUrl() + "/v1\", \"model\": \"m2\", \"apiKey\": null}");
        assertThat(noKey.text("/apiKeySet")).isEqualTo("false");

        // A local server without a key gets no Authorization header.
        llm.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(okJson(completion("[{\"subject\": \"Hello\"}]"))));
        assertThat(t.api("POST", "/api/v1/experiments/" + experiment() + "/ai-proposals", null).status()).isEqualTo(201);
        llm.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")).withoutHeader("Authorization")
                .withRequestBody(matchingJsonPath("$.model", equalTo("m2"))));
    }

    @Test
    void badSettingsAreRefusedNamingTheField() {
        assertThat(t.api("PUT", "/api/v1/experiments/ai-settings", "{\"baseUrl\": \"ftp://x\", \"model\": \"m\"}").text("/errors/0/field"))
                .isEqualTo("baseUrl");
        assertThat(t.api("PUT", "/api/v1/experiments/ai-settings", "{\"baseUrl\": \"http://x\"}").text("/errors/0/field")).isEqualTo("model");
        assertThat(t.api("PUT", "/api/v1/experiments/ai-settings", "{\"baseUrl\": \"http://x\", \"model\": \"m\", \"provider\": \"acme\"}")
                .text("/errors/0/field")).isEqualTo("provider");
        assertThat(t.api("GET", "/api/v1/experiments/ai-settings", null).text("/configured")).isEqualTo("false");
    }

    @Test
    void aBaseUrlTheOutboundGuardRefusesIsA400NamingTheFieldWhenSaved() {
        // The tests' context allows loopback and private networks (WireMock listens on 127.0.0.1); link-local addresses,
        // where cloud metadata answers, are refused whatever the operator allows.
        for (String url : List.of("http://169.254.169.254/latest", "http://[::ffff:169.254.169.254]/v1", "http://[fe80::1]/v1",
                "http://0.0.0.0:11434/v1", "http://224.0.0.1/v1")) {
            var refused = t.api("PUT", "/api/v1/experiments/ai-settings", "{\"baseUrl\": \"" + url + "\", \"model\": \"m\"}");
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.text("/errors/0/field")).as(url).isEqualTo("baseUrl");
            assertThat(refused.text("/errors/0/message")).as(url).startsWith("cannot be called: ").contains("address");
        }
        var unresolvable = t.api("PUT", "/api/v1/experiments/ai-settings", "{\"baseUrl\": \"https://no-such-host.invalid/v1\", \"model\": \"m\"}");
        assertThat(unresolvable.text("/errors/0/field")).isEqualTo("baseUrl");
        assertThat(unresolvable.text("/errors/0/message")).contains("cannot resolve the host no-such-host.invalid");
        assertThat(t.api("GET", "/api/v1/experiments/ai-settings", null).text("/configured")).isEqualTo("false");
    }

    @Test
    void aStoredBaseUrlTheGuardRefusesIsRefusedAtCallTimeToo() {
        String id = experiment();
        // As settings saved before the guard, or by hand, would be.
        jdbc.sql("insert into experiment_ai_settings (workspace_id, provider, base_url, model, updated_at) values (?, ?, ?, ?, now())")
                .params(t.workspaceId(), "openai-compatible", "http://169.254.169.254/v1", "m").update();
        var refused = t.api("POST", "/api/v1/experiments/" + id + "/ai-proposals", null);
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.text("/detail")).contains("169.254.169.254 is a link-local address");
        assertThat(t.api("GET", "/api/v1/experiments/" + id + "/ai-proposals", null).json().get("data").size()).isZero();
    }

    @Test
    void aProvidersAnswerIsNeverEchoedOnlyItsStatus() {
        String id = experiment();
        configure("sk-test");
        for (var answer : List.of(aResponse().withStatus(500).withBody("db password: hunter2"),
                aResponse().withStatus(200).withBody("<html>admin console: hunter2</html>"),
                aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"hunter2\": true}"),
                okJson(completion("hunter2 is not a subject line")))) {
            llm.resetAll();
            llm.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(answer));
            var failed = t.api("POST", "/api/v1/experiments/" + id + "/ai-proposals", null);
            assertThat(failed.status()).isEqualTo(502);
            assertThat(failed.body()).doesNotContain("hunter2");
            assertThat(failed.text("/detail")).startsWith("The AI provider failed: ");
        }
        llm.resetAll();
        llm.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(500).withBody("hunter2")));
        assertThat(t.api("POST", "/api/v1/experiments/" + id + "/ai-proposals", null).text("/detail")).endsWith("answered HTTP 500");
    }

    @Test
    void aFailingOrRamblingProviderIsABadGatewayAndStoresNothing() {
        String id = experiment();
        configure("sk-test");
        llm.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(429).withBody("{\"error\": \"rate limited\"}")));
        var limited = t.api("POST", "/api/v1/experiments/" + id + "/ai-proposals", null);
        assertThat(limited.status()).isEqualTo(502);
        assertThat(limited.text("/detail")).contains("429").doesNotContain("rate limited");

        llm.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(okJson(completion("I'd rather not."))));
        assertThat(t.api("POST", "/api/v1/experiments/" + id + "/ai-proposals", null).status()).isEqualTo(502);
        assertThat(t.api("GET", "/api/v1/experiments/" + id + "/ai-proposals", null).json().get("data").size()).isZero();
        assertThat(t.api("POST", "/api/v1/experiments/" + id + "/ai-proposals", "{\"count\": 11}").text("/errors/0/field")).isEqualTo("count");
        assertThat(llm.getAllServeEvents()).hasSize(2);
    }
}
