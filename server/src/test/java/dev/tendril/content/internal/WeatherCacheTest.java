package dev.tendril.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tendril.content.WeatherProvider;
import dev.tendril.testing.SettableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WeatherCacheTest {
    @Test
    void onePlaceIsAskedOncePerTtlAndMissesAreCachedToo() {
        List<String> asked = new ArrayList<>();
        SettableClock clock = new SettableClock(Instant.parse("2025-03-14T08:00:00Z"));
        WeatherProvider provider = (lat, lon) -> {
            asked.add(lat + "," + lon);
            return lat > 50 ? Optional.of(new WeatherProvider.Weather(new BigDecimal("9.5"), "°C", 3, "overcast", clock.instant())) : Optional.empty();
        };
        WeatherCache cache = new WeatherCache(provider, Duration.ofMinutes(30), clock);
        assertThat(cache.at(52.5201, 13.4049)).map(WeatherProvider.Weather::description).contains("overcast");
        assertThat(cache.at(52.5299, 13.4001)).isPresent();
        assertThat(cache.at(10.0, 10.0)).isEmpty();
        assertThat(cache.at(10.0, 10.0)).isEmpty();
        assertThat(asked).containsExactly("52.5,13.4", "10.0,10.0");
        clock.advance(Duration.ofMinutes(31));
        cache.at(52.52, 13.40);
        assertThat(asked).hasSize(3);
        assertThat(new WeatherCache(null, Duration.ofMinutes(1), clock).at(1, 1)).isEmpty();
    }
}
