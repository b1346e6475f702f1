package dev.tendril.experiment.internal;

import dev.tendril.experiment.AiVariantProvider;
import dev.tendril.platform.JsonField;
import dev.tendril.platform.OutboundHttp;
import dev.tendril.platform.OutboundHttpException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * A workspace's AI provider settings. Without them no provider is ever called. The API key is
 * sealed before it is stored and never shown again: views say only whether one is set.
 */
@Service
class AiSettings {
    static final String DEFAULT_PROVIDER = OpenAiCompatibleProvider.ID;

    record View(boolean configured, String provider, String baseUrl, String model, boolean apiKeySet, Instant updatedAt) {}

    /** What a proposal call needs: the provider and where and as whom to call it. */
    record Configured(AiVariantProvider provider, AiVariantProvider.Connection connection) {}

    private final AiSettingsStore store;
    private final AiSecrets secrets;
    private final Map<String, AiVariantProvider> providers;
    private final OutboundHttp http;
    private final Clock clock;

    AiSettings(AiSettingsStore store, AiSecrets secrets, List<AiVariantProvider> providers, OutboundHttp http, Clock clock) {
        this.store = store;
        this.secrets = secrets;
        this.providers = providers.stream().collect(Collectors.toMap(AiVariantProvider::id, Function.identity()));
        this.http = http;
        this.clock = clock;
    }

    View get(long workspaceId) {
        return store.find(workspaceId).map(AiSettings::view).orElse(new View(false, null, null, null, false, null));
    }

    /** Body: {@code baseUrl}, {@code model}, optional {@code provider}; {@code apiKey} replaces the key, null removes it, absent keeps it. */
    @Transactional
    View put(long workspaceId, JsonNode body) {
        JsonField in = JsonField.root(body).object(Set.of("provider", "baseUrl", "model", "apiKey"));
        String provider = in.get("provider").oneOf(providers.keySet(), DEFAULT_PROVIDER);
        String baseUrl = baseUrl(in.get("baseUrl"));
        String model = in.get("model").text(200).strip();
        reachable(in.get("baseUrl"), baseUrl);
        Optional<AiSettingsStore.Row> before = store.find(workspaceId);
        byte[] sealed;
        if (!body.has("apiKey")) {
            sealed = before.map(AiSettingsStore.Row::sealedKey).orElse(null);
        } else {
            String key = in.get("apiKey").optionalText(1000);
            sealed = key == null ? null : secrets.seal(workspaceId, key.strip());
        }
        store.save(workspaceId, new AiSettingsStore.Row(provider, baseUrl, model, sealed, clock.instant().truncatedTo(ChronoUnit.MICROS)));
        return get(workspaceId);
    }

    @Transactional
    void delete(long workspaceId) {
        store.delete(workspaceId);
    }

    Optional<Configured> configured(long workspaceId) {
        return store.find(workspaceId).map(row -> new Configured(providers.get(row.provider()), new AiVariantProvider.Connection(
                row.baseUrl(), row.model(), row.sealedKey() == null ? null : secrets.open(workspaceId, row.sealedKey()))));
    }

    private static String baseUrl(JsonField in) {
        String text = in.text(500).strip();
        try {
            URI uri = new URI(text);
            if (!Set.of("http", "https").contains(String.valueOf(uri.getScheme()).toLowerCase()) || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw in.error("must be an http or https URL without query, e.g. https://api.openai.com/v1");
            }
        } catch (URISyntaxException e) {
            throw in.error("must be an http or https URL, e.g. https://api.openai.com/v1");
        }
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** Refuses, when it is saved, a base URL the outbound guard would refuse at every call (a private address, say). */
    private void reachable(JsonField in, String baseUrl) {
        try {
            http.check(URI.create(baseUrl));
        } catch (OutboundHttpException e) {
            throw in.error("cannot be called: " + e.getMessage());
        }
    }

    private static View view(AiSettingsStore.Row row) {
        return new View(true, row.provider(), row.baseUrl(), row.model(), row.sealedKey() != null, row.updatedAt());
    }
}
