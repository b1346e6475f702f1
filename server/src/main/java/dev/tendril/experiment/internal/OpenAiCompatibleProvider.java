package dev.tendril.experiment.internal;

import dev.tendril.experiment.AiVariantProvider;
import dev.tendril.platform.OutboundHttp;
import dev.tendril.platform.OutboundHttpException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Any service speaking OpenAI's chat-completions format ({@code POST {baseUrl}/chat/completions},
 * Bearer key): OpenAI itself, Azure-style gateways, vLLM, Ollama, LM Studio. One request per call,
 * no retries: a marketer is waiting and can ask again. Calls go through {@link OutboundHttp}, and an error
 * names only the status or what was missing, never the answer's body: the base URL is typed by a user.
 */
@Component
class OpenAiCompatibleProvider implements AiVariantProvider {
    static final String ID = "openai-compatible";

    private final OutboundHttp http;
    private final JsonMapper json;
    private final Duration timeout;

    OpenAiCompatibleProvider(OutboundHttp http, JsonMapper json, @Value("${tendril.ai.timeout:PT60S}") Duration timeout) {
        this.http = http;
        this.json = json;
        this.timeout = timeout;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Suggestion> propose(Connection connection, Brief brief) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        if (connection.apiKey() != null) {
            headers.put("Authorization", "Bearer " + connection.apiKey());
        }
        OutboundHttp.Response response;
        try {
            response = http.post(URI.create(connection.baseUrl() + "/chat/completions"), headers,
                    json.writeValueAsBytes(body(connection.model(), brief)), timeout);
        } catch (OutboundHttpException | IllegalArgumentException e) {
            throw new ProviderException(e.getMessage(), e);
        }
        if (!response.successful()) {
            throw new ProviderException("the provider answered HTTP " + response.status());
        }
        return AiProposalParser.parse(content(response.text()), brief.count());
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
                throw new ProviderException("the provider's answer has no choices[0].message.content");
            }
            return content.stringValue();
        } catch (JacksonException e) {
            throw new ProviderException("the provider's answer is not JSON", e);
        }
    }
}
