package dev.tendril.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventGeneratorTest {
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void batchesAreSegmentJsonWithTheIntendedMix() {
        EventGenerator generator = new EventGenerator(5000, 7);
        Map<String, Integer> types = new HashMap<>();
        Set<String> messageIds = new HashSet<>();
        int pricing = 0;
        for (int b = 0; b < 50; b++) {
            JsonNode body = json.readTree(generator.batchBody(100));
            assertThat(body.get("sentAt").asString()).isNotBlank();
            assertThat(body.get("batch").size()).isEqualTo(100);
            for (JsonNode call : body.get("batch")) {
                types.merge(call.get("type").asString(), 1, Integer::sum);
                messageIds.add(call.get("messageId").asString());
                assertThat(call.has("anonymousId")).isTrue();
                assertThat(json.writeValueAsBytes(call).length).isLessThan(32 * 1024);
                switch (call.get("type").asString()) {
                    case "identify" -> assertThat(call.get("traits").get("email").asString()).contains("@");
                    case "track" -> assertThat(call.get("event").asString()).isIn("Content Downloaded", "Demo Requested", "Video Playback Completed");
                    case "page" -> {
                        if (call.get("context").get("page").get("path").asString().equals("/pricing")) {
                            pricing++;
                        }
                    }
                    default -> throw new AssertionError(call);
                }
            }
        }
        assertThat(messageIds).hasSize(5000);
        assertThat(types.get("page")).isBetween(2700, 3300);
        assertThat(types.get("track")).isBetween(1200, 1800);
        assertThat(types.get("identify")).isBetween(300, 700);
        assertThat(pricing).isGreaterThan(200);
    }

    @Test
    void identifyOnlyKnownPeople() {
        for (int person : List.of(0, 5, 6, 9, 4999)) {
            assertThat(EventGenerator.isKnown(EventGenerator.known(person))).isTrue();
        }
        assertThat(EventGenerator.known(9)).isEqualTo(5);
        assertThat(EventGenerator.anonymousId(1)).isNotEqualTo(EventGenerator.anonymousId(2));
    }

    @Test
    void copyRowsHaveTheFifteenEventColumns() {
        Event e = new EventGenerator(10, 1).next(java.time.Instant.parse("2026-01-01T00:00:00Z"));
        StringBuilder row = new StringBuilder();
        e.appendCopyRow(row, 1, 2, java.time.Instant.EPOCH, java.time.Instant.EPOCH);
        assertThat(row.toString()).endsWith("\n");
        assertThat(row.toString().strip().split("\t", -1)).hasSize(15);
    }
}
