package dev.tendril.content.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The shape of the personalisation data every template renders with (docs/templates.md lists it),
 * for the lint at save: a path outside it is a warning, since it renders empty for every contact.
 * Custom attributes are checked against the attributes the workspace's contacts have.
 */
final class PersonalizationSchema {
    private enum Kind { VALUE, ANY, ATTRIBUTES }

    private static final Map<String, Object> FIELDS = Map.ofEntries(
            value("id"), value("email"), value("externalId"), value("firstName"), value("lastName"), value("name"), value("phone"),
            value("title"), value("website"), value("birthday"), value("gender"), value("username"), value("description"),
            value("lifecycleStage"), value("createdAt"), value("timezone"), value("locale"), value("now"),
            Map.entry("address", keys("street", "city", "state", "postalCode", "country")),
            Map.entry("attributes", Kind.ATTRIBUTES),
            Map.entry("company", Map.ofEntries(value("id"), value("name"), value("domain"), value("industry"), value("employees"),
                    value("annualRevenue"), value("plan"), value("website"), Map.entry("attributes", Kind.ANY))),
            Map.entry("behavior", Map.ofEntries(value("firstSeenAt"), value("lastSeenAt"), value("sessions"), value("returnVisits"),
                    value("timeOnSite"), value("pageViews"), value("pricingPageViews"), value("demoRequests"), value("trialSignups"),
                    value("contentDownloads"), value("videoWatches"), value("webinarAttendance"), Map.entry("recentPages", Kind.ANY),
                    Map.entry("lastViewedContent", keys("name", "path", "url", "at")))),
            Map.entry("score", keys("total", "fit", "engagement", "grade", "temperature")),
            Map.entry("engagement", keys("lastOpenAt", "lastClickAt", "messagesReceived")),
            Map.entry("preferences", Kind.ANY),
            Map.entry("localTime", keys("iso", "date", "time", "hour", "weekday")),
            Map.entry("location", keys("city", "state", "country", "postalCode", "latitude", "longitude")),
            Map.entry("weather", keys("temperature", "unit", "code", "description", "observedAt")),
            Map.entry("recommendations", Kind.ANY),
            Map.entry("journey", Kind.ANY),
            Map.entry("trigger", Kind.ANY));

    private PersonalizationSchema() {}

    private static Map.Entry<String, Object> value(String name) {
        return Map.entry(name, Kind.VALUE);
    }

    private static Map<String, Object> keys(String... names) {
        return Arrays.stream(names).collect(Collectors.toUnmodifiableMap(n -> n, n -> Kind.VALUE));
    }

    /** Why the path is not personalisation data, or empty when it is. */
    static Optional<String> check(String path, Set<String> attributeNames) {
        String[] segments = Arrays.stream(path.split("\\."))
                .filter(s -> !s.isEmpty() && !s.startsWith("[") && !s.chars().allMatch(Character::isDigit)).toArray(String[]::new);
        Object node = FIELDS;
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            String at = String.join(".", Arrays.copyOf(segments, i + 1));
            switch (node) {
                case Map<?, ?> fields -> {
                    node = fields.get(segment);
                    if (node == null) {
                        return Optional.of("'" + at + "' is not in the personalisation data, so it renders empty");
                    }
                }
                case Kind k when k == Kind.ATTRIBUTES -> {
                    return attributeNames.contains(segment) ? Optional.empty()
                            : Optional.of("no contact has the custom attribute '" + segment + "' yet, so '" + path + "' renders empty");
                }
                case Kind k when k == Kind.ANY -> {
                    return Optional.empty();
                }
                default -> {
                    return Optional.of("'" + String.join(".", Arrays.copyOf(segments, i)) + "' is a value, it has no '" + segment + "'");
                }
            }
        }
        return Optional.empty();
    }
}
