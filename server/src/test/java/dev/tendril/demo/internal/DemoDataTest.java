package dev.tendril.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoDataTest {
    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void eachPersonIsIdentifiedFirstAndActsInTheRecentPastInTimeOrder() {
        DemoData data = new DemoData(2026, NOW, 20);
        int known = 0;
        for (int i = 0; i < 300; i++) {
            List<Map<String, Object>> calls = data.person(i);
            assertThat(calls).isNotEmpty();
            boolean anonymous = i % 10 == 9;
            assertThat(calls.getFirst().get("type")).isEqualTo(anonymous ? "page" : "identify");
            Instant previous = Instant.MIN;
            for (Map<String, Object> call : calls) {
                Instant at = Instant.parse((String) call.get("timestamp"));
                assertThat(at).isAfterOrEqualTo(previous).isBefore(NOW).isAfter(NOW.minusSeconds(50L * 86_400));
                previous = at;
                assertThat(call.get("messageId")).isNotNull();
                assertThat(call.containsKey("userId")).isEqualTo(!anonymous);
            }
            if (!anonymous) {
                known++;
                @SuppressWarnings("unchecked") Map<String, Object> traits = (Map<String, Object>) calls.getFirst().get("traits");
                assertThat((String) traits.get("email")).matches("[a-z.]+\\d+@[a-z0-9]+\\.example");
                assertThat(calls.get(1).get("type")).isEqualTo("group");
            }
        }
        assertThat(known).isEqualTo(270);
    }

    @Test
    void theSameSeedGivesTheSameAudience() {
        assertThat(new DemoData(7, NOW, 20).person(3).size()).isEqualTo(new DemoData(7, NOW, 20).person(3).size());
        assertThat(new DemoData(7, NOW, 20).person(3).getFirst().get("traits"))
                .isEqualTo(new DemoData(7, NOW, 20).person(3).getFirst().get("traits"));
    }
}
