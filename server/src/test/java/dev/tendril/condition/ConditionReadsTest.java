package dev.tendril.condition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tendril.condition.internal.ConditionJson;
import dev.tendril.platform.Ids;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

public class ConditionReadsTest {
    static final JsonMapper JSON = JsonMapper.builder().build();

    public static ConditionReads reads(String condition) {
        return ConditionReads.of(ConditionJson.parse(JSON.readTree(condition)));
    }

    @Test
    void tellsScoresAndMembershipsApart() {
        assertThat(reads("{\"and\": [{\"temperature\": \"hot\"}, {\"score\": {\"op\": \"gt\", \"value\": 5}}]}"))
                .isEqualTo(new ConditionReads(false, false, false, true, true, false, false));
        assertThat(reads("{\"grade\": {\"atLeast\": \"B\"}}")).isEqualTo(new ConditionReads(false, false, false, false, true, false, false));
        assertThat(reads("{\"or\": [{\"inList\": \"%s\"}, {\"not\": {\"inSegment\": \"%s\"}}]}".formatted(Ids.LIST.format(1),
                Ids.SEGMENT.format(2))))
                .isEqualTo(new ConditionReads(false, false, false, false, false, true, false));
    }

    @Test
    void tellsContactDataFromEventsAndFixedFromRelativeTime() {
        assertThat(reads("{\"stage\": \"mql\"}")).isEqualTo(new ConditionReads(false, true, false, false, false, false, false));
        assertThat(reads("{\"attribute\": \"lifecycleStage\", \"op\": \"eq\", \"value\": \"mql\"}"))
                .isEqualTo(new ConditionReads(false, true, false, false, false, false, false));
        assertThat(reads("{\"subscription\": {\"channel\": \"email\", \"status\": \"subscribed\"}}"))
                .isEqualTo(new ConditionReads(true, false, false, false, false, false, false));
        assertThat(reads("{\"event\": \"Signed Up\"}")).isEqualTo(new ConditionReads(false, false, true, false, false, false, false));
        assertThat(reads("{\"event\": \"Signed Up\", \"within\": {\"days\": 7}}")).isEqualTo(new ConditionReads(false, false, true, false, false, false, true));
        assertThat(reads("{\"event\": \"Paid\", \"between\": {\"from\": \"2025-01-01\", \"to\": \"2025-01-31\"}}"))
                .isEqualTo(new ConditionReads(false, false, true, false, false, false, false));
        assertThat(reads("{\"event\": \"Logged In\", \"lastSeen\": {\"before\": {\"daysAgo\": 60}}}")).extracting(ConditionReads::timeRelative)
                .isEqualTo(true);
        assertThat(reads("{\"not\": {\"and\": [{\"attribute\": \"birthday\", \"op\": \"anniversary\"}, {\"event\": \"X\"}]}}"))
                .isEqualTo(new ConditionReads(true, false, true, false, false, false, true));
        assertThat(reads("{\"attribute\": \"attributes.renewal\", \"op\": \"within_last\", \"days\": 30}")).extracting(ConditionReads::timeRelative)
                .isEqualTo(true);
        assertThat(reads("{\"attribute\": \"createdAt\", \"op\": \"before\", \"value\": \"2025-01-01\"}"))
                .isEqualTo(new ConditionReads(true, false, false, false, false, false, false));
    }
}
