package dev.tendril.content.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;

/**
 * Dates, numbers, money and greetings in the contact's locale and time zone. Instants are shown in
 * the contact's zone; a plain date (a birthday) stays the day it is.
 */
record LocalFormats(Locale locale, ZoneId zone) {
    private static final Map<String, String[]> GREETINGS = Map.of(
            "en", new String[] {"Good morning", "Good afternoon", "Good evening"},
            "de", new String[] {"Guten Morgen", "Guten Tag", "Guten Abend"},
            "fr", new String[] {"Bonjour", "Bonjour", "Bonsoir"},
            "es", new String[] {"Buenos días", "Buenas tardes", "Buenas noches"},
            "nl", new String[] {"Goedemorgen", "Goedemiddag", "Goedenavond"});

    /**
     * {@code style} is {@code short}, {@code medium} (the default), {@code long} or {@code full} for a
     * date, {@code time} for the time of day, {@code datetime} for both, or a pattern such as {@code d MMM yyyy}.
     */
    String date(Object value, String style) {
        TemporalAccessor t = temporal(value);
        if (t == null) {
            return "";
        }
        boolean hasTime = !(t instanceof LocalDate);
        DateTimeFormatter f = switch (style == null ? "medium" : style) {
            case "short" -> DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT);
            case "medium" -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);
            case "long" -> DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG);
            case "full" -> DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL);
            case "time" -> hasTime ? DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT) : null;
            case "datetime" -> hasTime ? DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);
            default -> pattern(style);
        };
        if (f == null) {
            return "";
        }
        return f.withLocale(locale).format(t);
    }

    private static DateTimeFormatter pattern(String pattern) {
        try {
            return DateTimeFormatter.ofPattern(pattern);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("formatDate: '" + pattern + "' is not a date pattern (" + e.getMessage() + ")");
        }
    }

    /** The value as a date or a time in the contact's zone: ISO text (instant, offset date-time, date) or epoch milliseconds. */
    TemporalAccessor temporal(Object value) {
        if (value instanceof Number n) {
            return Instant.ofEpochMilli(n.longValue()).atZone(zone);
        }
        if (!(value instanceof CharSequence cs) || cs.toString().isBlank()) {
            return null;
        }
        String s = cs.toString().strip();
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s);
            }
            if (s.endsWith("Z") || s.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(s).atZoneSameInstant(zone);
            }
            return LocalDateTime.parse(s).atZone(zone);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Grouped in the locale, with exactly {@code decimals} digits, or up to 2 when not given. */
    String number(Object value, Integer decimals) {
        BigDecimal n = numeric(value);
        if (n == null) {
            return "";
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setRoundingMode(RoundingMode.HALF_EVEN);
        if (decimals != null) {
            int d = Math.clamp(decimals, 0, 10);
            f.setMinimumFractionDigits(d);
            f.setMaximumFractionDigits(d);
        } else {
            f.setMaximumFractionDigits(2);
        }
        return f.format(n);
    }

    /** Money in the locale's form for the ISO currency code (the locale's own currency when none is given, else USD). */
    String currency(Object value, String code) {
        BigDecimal n = numeric(value);
        if (n == null) {
            return "";
        }
        NumberFormat f = NumberFormat.getCurrencyInstance(locale);
        f.setCurrency(currency(code));
        f.setRoundingMode(RoundingMode.HALF_EVEN);
        return f.format(n);
    }

    private Currency currency(String code) {
        if (code != null && !code.isBlank()) {
            try {
                return Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("formatCurrency: '" + code + "' is not an ISO 4217 currency code");
            }
        }
        try {
            return Currency.getInstance(locale);
        } catch (IllegalArgumentException e) {
            return Currency.getInstance("USD");
        }
    }

    /** Morning from 5:00, afternoon from 12:00, evening from 18:00, in the contact's local time. */
    String greeting(Instant now, Map<String, Object> overrides) {
        int hour = ZonedDateTime.ofInstant(now, zone).getHour();
        int part = hour >= 5 && hour < 12 ? 0 : hour >= 12 && hour < 18 ? 1 : 2;
        String key = new String[] {"morning", "afternoon", "evening"}[part];
        if (overrides.get(key) instanceof CharSequence s) {
            return s.toString();
        }
        return GREETINGS.getOrDefault(locale.getLanguage(), GREETINGS.get("en"))[part];
    }

    private static BigDecimal numeric(Object value) {
        BigDecimal n = Comparisons.number(value);
        if (n != null || !(value instanceof CharSequence s)) {
            return n;
        }
        try {
            return new BigDecimal(s.toString().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
