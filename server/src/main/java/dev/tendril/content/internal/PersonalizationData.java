package dev.tendril.content.internal;

import dev.tendril.condition.ContactSnapshot.Scores;
import dev.tendril.contact.CompanyView;
import dev.tendril.contact.ContactView;
import dev.tendril.content.RenderInputs;
import dev.tendril.content.WeatherProvider.Weather;
import dev.tendril.event.BehaviorView;
import dev.tendril.event.EventView;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the personalisation data of one contact: the map every template renders with. Only maps,
 * lists, text, numbers and booleans go in (times as ISO-8601 text), so the sandbox holds nothing a
 * template could call. Keys the data source has nothing for are present and empty (null), so
 * templates and lint see one shape for every contact (docs/templates.md).
 */
final class PersonalizationData {
    /** Track events whose latest is {@code behavior.lastViewedContent}. */
    static final Set<String> CONTENT_EVENTS = Set.of("Content Viewed", "Content Downloaded", "Video Content Playing",
            "Video Content Completed", "Video Playback Completed");

    record Inputs(ContactView contact, CompanyView company, Scores score, BehaviorView behavior, List<EventView> recentPages,
            EventView lastContent, RenderInputs.Engagement engagement, Map<String, Object> preferences, List<Map<String, Object>> recommendations, Weather weather,
            Map<String, Object> journey, Map<String, Object> trigger, Instant now) {}

    private PersonalizationData() {}

    static Map<String, Object> of(Inputs in) {
        ContactView c = in.contact();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("email", c.email());
        m.put("externalId", c.externalId());
        m.put("firstName", c.firstName());
        m.put("lastName", c.lastName());
        String name = ((c.firstName() == null ? "" : c.firstName()) + " " + (c.lastName() == null ? "" : c.lastName())).strip();
        m.put("name", name.isEmpty() ? null : name);
        m.put("phone", c.phone());
        m.put("title", c.title());
        m.put("website", c.website());
        m.put("birthday", c.birthday() == null ? null : c.birthday().toString());
        m.put("gender", c.gender());
        m.put("username", c.username());
        m.put("description", c.description());
        m.put("lifecycleStage", c.lifecycleStage());
        m.put("createdAt", iso(c.createdAt()));
        m.put("address", address(c.address()));
        m.put("attributes", plain(c.attributes() == null ? Map.of() : c.attributes()));
        m.put("company", company(in.company()));
        Scores s = in.score() == null ? Scores.UNSCORED : in.score();
        m.put("score", map("total", s.score().doubleValue(), "fit", s.fitScore().doubleValue(), "engagement",
                s.engagementScore().doubleValue(), "grade", s.grade(), "temperature", s.temperature()));
        m.put("behavior", behavior(in.behavior(), in.recentPages(), in.lastContent()));
        RenderInputs.Engagement e = in.engagement();
        m.put("engagement", map("lastOpenAt", e == null ? null : iso(e.lastOpenAt()), "lastClickAt", e == null ? null : iso(e.lastClickAt()),
                "messagesReceived", e == null ? null : e.messagesReceived()));
        m.put("preferences", plain(in.preferences() == null ? Map.of() : in.preferences()));
        m.put("journey", plain(in.journey() == null ? Map.of() : in.journey()));
        m.put("trigger", plain(in.trigger() == null ? Map.of() : in.trigger()));
        ZoneId zone = zone(c);
        m.put("now", iso(in.now()));
        m.put("timezone", knownZone(c).map(ZoneId::getId).orElse(null));
        m.put("locale", locale(c).toLanguageTag());
        m.put("localTime", localTime(in.now(), zone));
        m.put("location", location(c));
        m.put("weather", weather(in.weather()));
        m.put("recommendations", plain(in.recommendations() == null ? List.of() : in.recommendations()));
        return m;
    }

    /** The contact's time zone, UTC when it has none or an unknown one. */
    static ZoneId zone(ContactView c) {
        return knownZone(c).orElse(ZoneOffset.UTC);
    }

    private static Optional<ZoneId> knownZone(ContactView c) {
        if (c.timezone() == null || c.timezone().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(c.timezone().strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The contact's {@code locale} (or {@code language}) custom attribute, such as {@code de-DE}; English when it has none. */
    static Locale locale(ContactView c) {
        Map<String, Object> attributes = c.attributes() == null ? Map.of() : c.attributes();
        Object tag = attributes.getOrDefault("locale", attributes.get("language"));
        if (tag instanceof String s && !s.isBlank()) {
            Locale locale = Locale.forLanguageTag(s.strip().replace('_', '-'));
            if (!locale.getLanguage().isEmpty()) {
                return locale;
            }
        }
        return Locale.ENGLISH;
    }

    /** The contact's coordinates from its {@code latitude}/{@code longitude} attributes, or a {@code location} attribute holding them. */
    static Optional<double[]> coordinates(ContactView c) {
        Map<String, Object> a = c.attributes() == null ? Map.of() : c.attributes();
        Object lat = a.get("latitude");
        Object lon = a.get("longitude");
        if (a.get("location") instanceof Map<?, ?> loc) {
            lat = lat != null ? lat : loc.get("latitude") != null ? loc.get("latitude") : loc.get("lat");
            lon = lon != null ? lon : loc.get("longitude") != null ? loc.get("longitude") : loc.get("lon");
        }
        if (lat instanceof Number la && lon instanceof Number lo && Math.abs(la.doubleValue()) <= 90 && Math.abs(lo.doubleValue()) <= 180) {
            return Optional.of(new double[] {la.doubleValue(), lo.doubleValue()});
        }
        return Optional.empty();
    }

    private static Map<String, Object> address(Map<String, Object> address) {
        Map<String, Object> a = address == null ? Map.of() : address;
        return map("street", a.get("street"), "city", a.get("city"), "state", a.get("state"), "postalCode", a.get("postalCode"),
                "country", a.get("country"));
    }

    private static Map<String, Object> company(CompanyView co) {
        if (co == null) {
            return null;
        }
        Map<String, Object> m = map("id", co.id(), "name", co.name(), "domain", co.domain(), "industry", co.industry(),
                "employees", co.employees(), "annualRevenue", co.annualRevenue());
        m.put("plan", co.plan());
        m.put("website", co.website());
        m.put("attributes", plain(co.attributes() == null ? Map.of() : co.attributes()));
        return m;
    }

    private static Map<String, Object> behavior(BehaviorView b, List<EventView> pages, EventView content) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("firstSeenAt", b == null ? null : iso(b.firstSeenAt()));
        m.put("lastSeenAt", b == null ? null : iso(b.lastSeenAt()));
        m.put("sessions", b == null ? 0 : b.sessions());
        m.put("returnVisits", b == null ? 0 : b.returnVisits());
        m.put("timeOnSite", b == null ? 0 : b.timeOnSite());
        m.put("pageViews", b == null ? 0 : b.pageViews());
        m.put("pricingPageViews", b == null ? 0 : b.pricingPageViews());
        m.put("demoRequests", b == null ? 0 : b.demoRequests());
        m.put("trialSignups", b == null ? 0 : b.trialSignups());
        m.put("contentDownloads", b == null ? 0 : b.contentDownloads());
        m.put("videoWatches", b == null ? 0 : b.videoWatches());
        m.put("webinarAttendance", b == null ? 0 : b.webinarAttendance());
        List<Object> recent = new ArrayList<>();
        for (EventView page : pages == null ? List.<EventView>of() : pages) {
            Map<String, Object> p = page.properties() == null ? Map.of() : page.properties();
            recent.add(map("path", firstText(p.get("path"), pagePath(page)), "title", firstText(p.get("title"), page.name()),
                    "url", firstText(p.get("url"), null), "at", iso(page.timestamp())));
        }
        m.put("recentPages", recent);
        if (content == null) {
            m.put("lastViewedContent", null);
        } else {
            Map<String, Object> p = content.properties() == null ? Map.of() : content.properties();
            m.put("lastViewedContent", map("name", firstText(p.get("title"), firstText(p.get("name"), content.name())),
                    "path", firstText(p.get("path"), null), "url", firstText(p.get("url"), null), "at", iso(content.timestamp())));
        }
        return m;
    }

    private static Object pagePath(EventView page) {
        return page.context() != null && page.context().get("page") instanceof Map<?, ?> p ? p.get("path") : null;
    }

    private static Map<String, Object> localTime(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        return map("iso", local.toOffsetDateTime().toString(), "date", local.toLocalDate().toString(),
                "time", local.format(DateTimeFormatter.ofPattern("HH:mm")), "hour", local.getHour(),
                "weekday", local.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
    }

    private static Map<String, Object> location(ContactView c) {
        Map<String, Object> a = c.address() == null ? Map.of() : c.address();
        Optional<double[]> at = coordinates(c);
        return map("city", a.get("city"), "state", a.get("state"), "country", a.get("country"), "postalCode", a.get("postalCode"),
                "latitude", at.map(x -> x[0]).orElse(null), "longitude", at.map(x -> x[1]).orElse(null));
    }

    private static Map<String, Object> weather(Weather w) {
        if (w == null) {
            return null;
        }
        return map("temperature", w.temperature(), "unit", w.unit(), "code", w.code(), "description", w.description(),
                "observedAt", iso(w.observedAt()));
    }

    private static Object firstText(Object value, Object fallback) {
        return value instanceof String s && !s.isBlank() ? s : fallback == null ? null : fallback.toString();
    }

    /** A map that keeps null values, in the given order. */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static String iso(Instant at) {
        return at == null ? null : at.toString();
    }

    /**
     * The value as plain data: maps with text keys, lists, text, numbers and booleans; times become
     * ISO text and anything else its text. Caller-supplied data (journey, trigger) is made plain too.
     */
    static Object plain(Object value) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Number n -> n;
            case Boolean b -> b;
            case Map<?, ?> map -> {
                Map<String, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
                yield out;
            }
            case Collection<?> list -> list.stream().map(PersonalizationData::plain).toList();
            case Object[] array -> Arrays.stream(array).map(PersonalizationData::plain).toList();
            case Instant i -> i.toString();
            case TemporalAccessor t -> t.toString();
            default -> value.toString();
        };
    }
}
