package dev.tendril.condition.internal;

import dev.tendril.condition.DateBound;
import dev.tendril.platform.JsonField;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;

/** The condition language's day counts and dates, read from a request field. */
final class JsonDates {
    private static final Pattern DAY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    static final int MAX_DAYS = 36_500;

    private JsonDates() {}

    static int days(JsonField in) {
        if (in.missing() || !in.node().isIntegralNumber() || !in.node().canConvertToInt() || in.node().intValue() < 0
                || in.node().intValue() > MAX_DAYS) {
            throw in.error("must be a whole number of days from 0 to " + MAX_DAYS);
        }
        return in.node().intValue();
    }

    static boolean isDay(JsonField in) {
        return !in.missing() && in.node().isString() && DAY.matcher(in.node().stringValue()).matches();
    }

    static LocalDate day(JsonField in) {
        if (isDay(in)) {
            try {
                LocalDate day = LocalDate.parse(in.node().stringValue());
                if (day.getYear() >= 1) { // PostgreSQL has no year 0, and reads a year before it as BC
                    return day;
                }
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw in.error("must be a date such as 2024-03-01");
    }

    static boolean isDateBound(JsonField in) {
        return isDay(in) || !in.missing() && in.node().isObject() && in.node().has("daysAgo");
    }

    /** {@code "2024-03-01"} or {@code {"daysAgo": 30}}. */
    static DateBound dateBound(JsonField in) {
        if (!in.missing() && in.node().isObject()) {
            return new DateBound.DaysAgo(days(in.object(Set.of("daysAgo")).get("daysAgo")));
        }
        if (isDay(in)) {
            return new DateBound.On(day(in));
        }
        throw in.error("must be a date such as 2024-03-01 or {\"daysAgo\": 30}");
    }
}
