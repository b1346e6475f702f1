package dev.tendril.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tendril.condition.ContactSnapshot.Scores;
import dev.tendril.contact.CompanyView;
import dev.tendril.contact.ContactView;
import dev.tendril.content.RenderInputs;
import dev.tendril.content.WeatherProvider;
import dev.tendril.event.BehaviorView;
import dev.tendril.event.EventView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonalizationDataTest {
    static final Instant NOW = Instant.parse("2025-03-14T20:30:00Z");

    static ContactView contact(String timezone, Map<String, Object> attributes, Map<String, Object> address) {
        return new ContactView("ct_1", "ada@acme.io", null, "Ada", "Lovelace", null, "CTO", null, LocalDate.of(1815, 12, 10), null, null, null,
                null, address, timezone, "co_1", "lead", attributes, Instant.parse("2025-01-01T00:00:00Z"), NOW);
    }

    @Test
    void everyContactHasTheSameShapeEmptyWhereThereIsNoData() {
        Map<String, Object> data = PersonalizationData.of(new PersonalizationData.Inputs(contact(null, Map.of(), null), null, null, null, List.of(),
                null, null, null, null, null, null, null, NOW));
        assertThat(data).containsEntry("firstName", "Ada").containsEntry("name", "Ada Lovelace").containsEntry("birthday", "1815-12-10")
                .containsEntry("timezone", null).containsEntry("locale", "en").containsEntry("now", "2025-03-14T20:30:00Z")
                .containsEntry("company", null).containsEntry("weather", null).containsEntry("recommendations", List.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> engagement = (Map<String, Object>) data.get("engagement");
        assertThat(engagement).containsOnlyKeys("lastOpenAt", "lastClickAt", "messagesReceived").containsValue(null);
        assertThat(ModelValues.at(data, "behavior.pageViews")).isEqualTo(0);
        assertThat(ModelValues.at(data, "behavior.recentPages")).isEqualTo(List.of());
        assertThat(ModelValues.at(data, "localTime.time")).isEqualTo("20:30");
        List<String> paths = new ArrayList<>();
        paths(data, "", paths);
        assertThat(paths).hasSizeGreaterThan(60).allSatisfy(path -> assertThat(PersonalizationSchema.check(path, Set.of())).as(path).isEmpty());
    }

    @Test
    void contactCompanyBehaviourHooksAndWeather() {
        ContactView c = contact("America/New_York", Map.of("locale", "fr_CA", "location", Map.of("lat", 45.5, "lon", -73.57), "tags", List.of("vip")),
                Map.of("city", "Montréal", "country", "CA"));
        CompanyView co = new CompanyView("co_1", null, "Acme", "acme.io", "Software", 250, new BigDecimal("1000000"), "pro", null,
                Map.of("tier", "gold"), NOW, NOW);
        BehaviorView b = new BehaviorView("ct_1", NOW, NOW, 3, 1, 12.5, 7, 2, 0, 1, 1, 0, 0);
        EventView page = new EventView("ev_1", "page", "Pricing", "m1", null, null, NOW, NOW, Map.of("path", "/pricing"), null, null);
        EventView download = new EventView("ev_2", "track", "Content Downloaded", "m2", null, null, NOW, NOW, Map.of("title", "Guide"), null, null);
        Map<String, Object> data = PersonalizationData.of(new PersonalizationData.Inputs(c, co,
                new Scores(new BigDecimal("62.5"), new BigDecimal("30"), new BigDecimal("32.5"), "C", "warm"), b, List.of(page), download,
                new RenderInputs.Engagement(NOW, null, 4), Map.of("newsletter", true), List.of(Map.of("title", "Post")),
                new WeatherProvider.Weather(new BigDecimal("-2.5"), "°C", 71, "snow", NOW), Map.of("step", 2), Map.of("at", NOW), NOW));
        assertThat(ModelValues.at(data, "company.attributes.tier")).isEqualTo("gold");
        assertThat(ModelValues.at(data, "score.total")).isEqualTo(62.5);
        assertThat(ModelValues.at(data, "score.temperature")).isEqualTo("warm");
        Map<?, ?> recent = (Map<?, ?>) ((List<?>) ModelValues.at(data, "behavior.recentPages")).getFirst();
        assertThat(recent.get("path")).isEqualTo("/pricing");
        assertThat(recent.get("title")).isEqualTo("Pricing");
        assertThat(recent.get("at")).isEqualTo(NOW.toString());
        assertThat(ModelValues.at(data, "behavior.lastViewedContent.name")).isEqualTo("Guide");
        assertThat(ModelValues.at(data, "engagement.messagesReceived")).isEqualTo(4);
        assertThat(ModelValues.at(data, "preferences.newsletter")).isEqualTo(true);
        assertThat(ModelValues.at(data, "weather.description")).isEqualTo("snow");
        assertThat(ModelValues.at(data, "location.latitude")).isEqualTo(45.5);
        assertThat(ModelValues.at(data, "location.city")).isEqualTo("Montréal");
        assertThat(ModelValues.at(data, "localTime.hour")).isEqualTo(16);
        assertThat(ModelValues.at(data, "trigger.at")).isEqualTo(NOW.toString());
        assertThat(data.get("locale")).isEqualTo("fr-CA");
        assertThat(PersonalizationData.locale(c)).isEqualTo(Locale.CANADA_FRENCH);
        assertThat(PersonalizationData.zone(contact("Not/AZone", Map.of(), null)).getId()).isEqualTo("Z");
    }

    /** Every path into nested maps, as templates would write them (the schema must know each one). */
    static void paths(Map<?, ?> map, String prefix, List<String> out) {
        map.forEach((k, v) -> {
            String path = prefix + k;
            out.add(path);
            if (v instanceof Map<?, ?> inner && !path.equals("attributes")) {
                paths(inner, path + ".", out);
            }
        });
    }
}
