package dev.tendril.experiment.internal;

import dev.tendril.experiment.AiVariantProvider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Any service speaking OpenAI's chat-completions format ({@code POST {baseUrl}/chat/completions},
 * Bearer key): OpenAI itself, Azure-style gateways, vLLM, Ollama, LM Studio. One request per call,
 * no retries: a marketer is waiting and can ask again.
 */
@Component
class OpenAiCompatibleProvider implements AiVariantProvider {
    static final String ID = "openai-compatible";

    private final HttpClient http;
    private final JsonMapper json;
    private final Duration timeout;

    OpenAiCompatibleProvider(JsonMapper json, @Value("${tendril.ai.timeout:PT60S}") Duration timeout) {
        this.json = json;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Suggestion> propose(Connection connection, Brief brief) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(connection.baseUrl() + "/chat/completions"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body(connection.model(), brief))));
        if (connection.apiKey() != null) {
            request.header("Authorization", "Bearer " + connection.apiKey());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProviderException("cannot reach " + connection.baseUrl() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException("interrupted while waiting for " + connection.baseUrl(), e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new ProviderException("the provider answered " + response.statusCode() + ": " + snippet(response.body()));
        }
        return AiProposalParser.parse(content(response.body()), brief.count());
    }

    private ObjectNode body(String model, Brief brief) {
        ObjectNode body = json.createObjectNode();
        body.put("model", model);
        var messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", AiPrompt.system());
        messages.addObject().put("role", "user").put("content", AiPrompt.user(brief));
        body.put("temperature", 0.9);
        return body;
    }

    private String content(String body) {
        try {
            JsonNode content = json.readTree(body).at("/choices/0/message/content");
            if (!content.isString()) {
                throw new ProviderException("the provider's answer has no choices[0].message.content: " + snippet(body));
            }
            return content.stringValue();
        } catch (JacksonException e) {
            throw new ProviderException("the provider's answer is not JSON: " + snippet(body), e);
        }
    }

    private static String snippet(String text) {
        return text == null ? "" : text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
