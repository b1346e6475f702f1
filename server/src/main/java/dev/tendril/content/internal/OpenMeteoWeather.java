package dev.tendril.content.internal;

import dev.tendril.content.WeatherProvider;
import dev.tendril.platform.OutboundHttp;
import dev.tendril.platform.OutboundHttpException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The current weather from an Open-Meteo forecast API ({@code GET /v1/forecast?latitude=…&longitude=…
 * &current=temperature_2m,weather_code}): temperature in °C and the WMO weather code, called through
 * {@link OutboundHttp}. Any failure (refused address, timeout, error status, unexpected body) is "unknown
 * weather", logged once per failure.
 */
final class OpenMeteoWeather implements WeatherProvider {
    private static final Logger log = LoggerFactory.getLogger(OpenMeteoWeather.class);

    private final OutboundHttp http;
    private final String baseUrl;
    private final Duration timeout;
    private final JsonMapper json;

    OpenMeteoWeather(OutboundHttp http, String baseUrl, Duration timeout, JsonMapper json) {
        this.http = http;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
        this.json = json;
    }

    @Override
    public Optional<Weather> current(double latitude, double longitude) {
        URI uri = URI.create(String.format(Locale.ROOT, "%s/v1/forecast?latitude=%.4f&longitude=%.4f&current=temperature_2m,weather_code",
                baseUrl, latitude, longitude));
        try {
            OutboundHttp.Response response = http.get(uri, Map.of("Accept", "application/json"), timeout);
            if (response.status() != 200) {
                log.warn("Open-Meteo answered {} for {}", response.status(), uri);
                return Optional.empty();
            }
            return parse(json.readTree(response.body()));
        } catch (OutboundHttpException e) {
            log.warn("Open-Meteo failed for {}: {}", uri, e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            log.warn("Open-Meteo answered something unusable for {}: {}", uri, e.toString());
            return Optional.empty();
        }
    }

    static Optional<Weather> parse(JsonNode body) {
        JsonNode current = body.path("current");
        if (!current.path("temperature_2m").isNumber() || !current.path("weather_code").isNumber()) {
            return Optional.empty();
        }
        String unit = body.path("current_units").path("temperature_2m").asString("°C");
        Instant at = current.path("time").isString()
                ? LocalDateTime.parse(current.path("time").asString()).toInstant(ZoneOffset.ofTotalSeconds(body.path("utc_offset_seconds").asInt(0)))
                : null;
        int code = current.path("weather_code").asInt();
        return Optional.of(new Weather(new BigDecimal(current.path("temperature_2m").asString()), unit, code, describe(code), at));
    }

    /** The WMO weather interpretation codes Open-Meteo documents, in plain English. */
    static String describe(int code) {
        return switch (code) {
            case 0 -> "clear sky";
            case 1 -> "mainly clear";
            case 2 -> "partly cloudy";
            case 3 -> "overcast";
            case 45, 48 -> "fog";
            case 51, 53, 55, 56, 57 -> "drizzle";
            case 61, 63, 65, 66, 67 -> "rain";
            case 71, 73, 75, 77 -> "snow";
            case 80, 81, 82 -> "rain showers";
            case 85, 86 -> "snow showers";
            case 95, 96, 99 -> "thunderstorm";
            default -> "unknown";
        };
    }
}
