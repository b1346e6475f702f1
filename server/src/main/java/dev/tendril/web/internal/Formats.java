package dev.tendril.web.internal;

import dev.tendril.event.EventView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** How values read on a page: times in UTC, empty values as a dash, events by what happened. */
public final class Formats {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Formats() {}

    public static String date(Instant at) {
        return at == null ? "—" : DATE.format(at);
    }

    public static String time(Instant at) {
        return at == null ? "—" : TIME.format(at);
    }

    /** Points as the API rounds them, to hundredths, without a trailing ".0". */
    public static String points(double points) {
        return BigDecimal.valueOf(points).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** Points with their sign, as a rule's contribution reads. */
    public static String signed(double points) {
        return (points > 0 ? "+" : "") + points(points);
    }

    public static String value(Object value) {
        return value == null || "".equals(value) ? "—" : String.valueOf(value);
    }

    /** A value to put into a link's query string. */
    public static String query(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A track's event name, a page's name or path, else what kind of call it was. */
    public static String title(EventView e) {
        return switch (e.type()) {
            case "track" -> e.name();
            case "page", "screen" -> e.name() != null ? e.name() : value(e.properties() == null ? null : e.properties().get("path"));
            case "identify" -> "Identified";
            case "group" -> "Joined a company";
            case "alias" -> "Alias";
            default -> e.type();
        };
    }

    /** The event's own data: traits for identify and group, properties otherwise. */
    public static Map<String, Object> details(EventView e) {
        Map<String, Object> data = switch (e.type()) {
            case "identify", "group" -> e.traits();
            default -> e.properties();
        };
        return data == null ? Map.of() : data;
    }
}
