package dev.tendril.content.internal;

import dev.tendril.content.WeatherProvider;
import dev.tendril.platform.OutboundHttp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The weather behind {@code weather.*}: the Open-Meteo provider when {@code tendril.weather.enabled}
 * (off by default: it calls an outside service), or any other {@link WeatherProvider} bean, cached
 * per place for {@code tendril.weather.cache-ttl}.
 */
@Configuration
class WeatherConfiguration {
    @Bean
    @ConditionalOnProperty(name = "tendril.weather.enabled", havingValue = "true")
    WeatherProvider openMeteoWeather(@Value("${tendril.weather.base-url:https://api.open-meteo.com}") String baseUrl,
            @Value("${tendril.weather.timeout:2s}") Duration timeout, OutboundHttp http, JsonMapper json) {
        return new OpenMeteoWeather(http, baseUrl, timeout, json);
    }

    @Bean
    WeatherCache weatherCache(ObjectProvider<WeatherProvider> provider, @Value("${tendril.weather.cache-ttl:30m}") Duration ttl,
            Clock clock) {
        return new WeatherCache(provider.getIfAvailable(), ttl, clock);
    }
}
