package dev.tendril.content.internal;

import dev.tendril.content.WeatherProvider;
import dev.tendril.content.WeatherProvider.Weather;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Caches a {@link WeatherProvider} per place (coordinates rounded to 0.1°, about 10 km) for a while,
 * misses too, so a batch of recipients in one city asks once and a provider that is down is not
 * asked again for every recipient.
 */
final class WeatherCache {
    private record Place(long lat, long lon) {}

    private record Entry(Optional<Weather> weather, Instant until) {}

    private final WeatherProvider provider;
    private final Duration ttl;
    private final Clock clock;
    private final Map<Place, Entry> entries = new ConcurrentHashMap<>();

    /** {@code provider} may be null: then there is no weather. */
    WeatherCache(WeatherProvider provider, Duration ttl, Clock clock) {
        this.provider = provider;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The weather at the place; empty when it is unknown or no provider is configured. */
    Optional<Weather> at(double latitude, double longitude) {
        if (provider == null) {
            return Optional.empty();
        }
        Place place = new Place(Math.round(latitude * 10), Math.round(longitude * 10));
        Instant now = clock.instant();
        Entry cached = entries.get(place);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.weather();
        }
        Optional<Weather> weather;
        try {
            weather = provider.current(place.lat() / 10.0, place.lon() / 10.0);
        } catch (RuntimeException e) {
            weather = Optional.empty();
        }
        if (entries.size() > 10_000) {
            entries.clear();
        }
        entries.put(place, new Entry(weather, now.plus(ttl)));
        return weather;
    }
}
