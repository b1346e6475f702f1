package dev.tendril.content;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * The current weather at a place, for {@code weather.*} in templates. Tendril ships one that speaks
 * the Open-Meteo forecast API (off by default: {@code tendril.weather.enabled}); results are cached
 * per place. Empty when the weather is unknown: a render never fails for want of it.
 */
public interface WeatherProvider {
    Optional<Weather> current(double latitude, double longitude);

    /** {@code code} is the WMO weather interpretation code; {@code description} its English words. */
    record Weather(BigDecimal temperature, String unit, int code, String description, Instant observedAt) {}
}
