package dev.tendril.content.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HelpersTest {
    @Test
    void comparisonsFollowTheConditionLanguage() {
        assertThat(Comparisons.eq(12, new BigDecimal("12.0"))).isTrue();
        assertThat(Comparisons.eq("VIP", "vip")).isTrue();
        assertThat(Comparisons.eq(null, null)).isTrue();
        assertThat(Comparisons.eq(null, "")).isFalse();
        assertThat(Comparisons.gt(10, 9.5)).isTrue();
        assertThat(Comparisons.gt(null, 1)).isFalse();
        assertThat(Comparisons.lte("2025-01-01", "2025-01-02")).isTrue();
        assertThat(Comparisons.contains(List.of(1, 2), 2.0)).isTrue();
        assertThat(Comparisons.contains("Hello World", "WORLD")).isTrue();
        assertThat(Comparisons.contains(Map.of("a", 1), "a")).isTrue();
        assertThat(Comparisons.truthy(0.5)).isTrue();
        assertThat(Comparisons.truthy(0)).isFalse();
        assertThat(Comparisons.truthy(" ")).isFalse();
        assertThat(Comparisons.truthy(List.of())).isFalse();
    }

    @Test
    void textHelpers() {
        assertThat(TextHelpers.orDefault("", "there")).isEqualTo("there");
        assertThat(TextHelpers.orDefault(0, "none")).isEqualTo(0);
        assertThat(TextHelpers.capitalize("élan", Locale.FRENCH)).isEqualTo("Élan");
        assertThat(TextHelpers.upper("istanbul", Locale.forLanguageTag("tr"))).isEqualTo("İSTANBUL");
        assertThat(TextHelpers.titlecase("o'neil mcdonald", Locale.ENGLISH)).isEqualTo("O'Neil Mcdonald");
        assertThat(TextHelpers.truncate("Hello wonderful world", 10, "...")).isEqualTo("Hello w...");
        assertThat(TextHelpers.truncate("😀😀😀😀", 3, "…")).isEqualTo("😀😀…");
        assertThatThrownBy(() -> TextHelpers.truncate("x", -1, "")).hasMessageContaining("must not be negative");
        assertThat(TextHelpers.pluralize(1, "box", null)).isEqualTo("box");
        assertThat(TextHelpers.pluralize(0, "box", null)).isEqualTo("boxes");
        assertThat(TextHelpers.pluralize(2, "day", null)).isEqualTo("days");
        assertThat(TextHelpers.urlencode("a b&c/é")).isEqualTo("a%20b%26c%2F%C3%A9");
    }

    @Test
    void datesNumbersMoneyAndGreetingsInTheContactsLocaleAndZone() {
        LocalFormats ny = new LocalFormats(Locale.US, ZoneId.of("America/New_York"));
        assertThat(ny.date("2025-03-14T02:00:00Z", "medium")).isEqualTo("Mar 13, 2025");
        assertThat(ny.date("2025-03-14", "short")).isEqualTo("3/14/25");
        assertThat(ny.date("2025-03-14T02:00:00Z", "time")).isEqualTo("10:00\u202fPM");
        assertThat(ny.date(1_741_917_600_000L, "yyyy-MM-dd HH:mm")).isEqualTo("2025-03-13 22:00");
        assertThat(ny.date("not a date", null)).isEmpty();
        assertThatThrownBy(() -> ny.date("2025-03-14", "qqqqqqq")).hasMessageContaining("formatDate");
        assertThat(ny.number(new BigDecimal("1234.567"), null)).isEqualTo("1,234.57");
        assertThat(ny.number("42", 1)).isEqualTo("42.0");
        assertThat(ny.currency(9.5, null)).isEqualTo("$9.50");
        assertThat(new LocalFormats(Locale.JAPAN, ZoneId.of("Asia/Tokyo")).currency(1200, "JPY")).isEqualTo("￥1,200");
        assertThatThrownBy(() -> ny.currency(1, "XYZW")).hasMessageContaining("ISO 4217");
        Instant utcMorning = Instant.parse("2025-03-14T09:00:00Z");
        assertThat(ny.greeting(utcMorning, Map.of())).isEqualTo("Good morning");
        assertThat(new LocalFormats(Locale.GERMAN, ZoneId.of("Asia/Tokyo")).greeting(utcMorning, Map.of())).isEqualTo("Guten Abend");
        assertThat(new LocalFormats(Locale.ENGLISH, ZoneId.of("Europe/London")).greeting(Instant.parse("2025-03-14T13:00:00Z"),
                Map.of("afternoon", "Hey"))).isEqualTo("Hey");
    }
}
