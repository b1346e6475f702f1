package dev.tendril.content.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.tendril.platform.OutboundHttp;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The Open-Meteo provider against a WireMock server speaking the forecast API's wire format. */
class OpenMeteoWeatherIntegrationTest {
    WireMockServer server;
    /** WireMock listens on the loopback address, which only an operator's setting opens to outbound calls. */
    OutboundHttp http = new OutboundHttp(true, Duration.ofSeconds(1), 1_000_000);
    OpenMeteoWeather weather;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        weather = new OpenMeteoWeather(http, server.baseUrl(), Duration.ofMillis(500), JsonMapper.builder().build());
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        http.close();
    }

    @Test
    void readsTheCurrentTemperatureAndWeatherCode() {
        server.stubFor(get(urlPathEqualTo("/v1/forecast")).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                {"latitude": 52.52, "longitude": 13.419998, "generationtime_ms": 0.02, "utc_offset_seconds": 0, "timezone": "GMT",
                 "timezone_abbreviation": "GMT", "elevation": 38.0,
                 "current_units": {"time": "iso8601", "interval": "seconds", "temperature_2m": "°C", "weather_code": "wmo code"},
                 "current": {"time": "2025-03-14T08:30", "interval": 900, "temperature_2m": 9.4, "weather_code": 61}}""")));
        var now = weather.current(52.52, 13.405).orElseThrow();
        assertThat(now.temperature()).isEqualByComparingTo(new BigDecimal("9.4"));
        assertThat(now.unit()).isEqualTo("°C");
        assertThat(now.code()).isEqualTo(61);
        assertThat(now.description()).isEqualTo("rain");
        assertThat(now.observedAt()).isEqualTo(Instant.parse("2025-03-14T08:30:00Z"));
        server.verify(getRequestedFor(urlPathEqualTo("/v1/forecast")).withQueryParam("latitude", equalTo("52.5200"))
                .withQueryParam("longitude", equalTo("13.4050")).withQueryParam("current", equalTo("temperature_2m,weather_code")));
    }

    @Test
    void failuresAreUnknownWeather() {
        server.stubFor(get(urlPathEqualTo("/v1/forecast")).willReturn(aResponse().withStatus(429).withBody("{\"error\": true, \"reason\": \"limit\"}")));
        assertThat(weather.current(1, 2)).isEmpty();
        server.resetAll();
        server.stubFor(get(urlPathEqualTo("/v1/forecast")).willReturn(aResponse().withBody("{\"current\": {}}")));
        assertThat(weather.current(1, 2)).isEmpty();
        server.resetAll();
        server.stubFor(get(urlPathEqualTo("/v1/forecast")).willReturn(aResponse().withFixedDelay(2_000).withBody("{}")));
        long start = System.nanoTime();
        assertThat(weather.current(1, 2)).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_500));
    }

    @Test
    void aBaseUrlOnTheLocalNetworkIsNeverCalledUnlessTheOperatorAllowsIt() throws Exception {
        server.stubFor(get(urlPathEqualTo("/v1/forecast")).willReturn(aResponse().withBody("""
                {"current": {"temperature_2m": 9.4, "weather_code": 61}}""")));
        try (OutboundHttp guarded = new OutboundHttp(false, Duration.ofSeconds(1), 1_000_000)) {
            var refused = new OpenMeteoWeather(guarded, "http://127.0.0.1:" + server.port(), Duration.ofMillis(500), JsonMapper.builder().build());
            assertThat(refused.current(1, 2)).isEmpty();
        }
        assertThat(server.getAllServeEvents()).isEmpty();
        assertThat(weather.current(1, 2)).isPresent();
    }
}
