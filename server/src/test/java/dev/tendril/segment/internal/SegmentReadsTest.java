package dev.tendril.segment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SegmentReadsTest {
    static final JsonMapper JSON = JsonMapper.builder().build();

    static SegmentReads reads(String condition) {
        return SegmentReads.of(ConditionJson.parse(JSON.readTree(condition)));
    }

    @Test
    void tellsScoresAndMembershipsApart() {
        assertThat(reads("{\"and\": [{\"temperature\": \"hot\"}, {\"score\": {\"op\": \"gt\", \"value\": 5}}]}"))
                .isEqualTo(new SegmentReads(false, false, true, true, false, false));
        assertThat(reads("{\"grade\": {\"atLeast\": \"B\"}}")).isEqualTo(new SegmentReads(false, false, false, true, false, false));
        assertThat(reads("{\"or\": [{\"inList\": \"ls_1\"}, {\"not\": {\"inSegment\": \"sg_2\"}}]}"))
                .isEqualTo(new SegmentReads(false, false, false, false, true, false));
    }

    @Test
    void tellsContactDataFromEventsAndFixedFromRelativeTime() {
        assertThat(reads("{\"stage\": \"mql\"}")).isEqualTo(new SegmentReads(true, false, false, false, false, false));
        assertThat(reads("{\"subscription\": {\"channel\": \"email\", \"status\": \"subscribed\"}}"))
                .isEqualTo(new SegmentReads(true, false, false, false, false, false));
        assertThat(reads("{\"event\": \"Signed Up\"}")).isEqualTo(new SegmentReads(false, true, false, false, false, false));
        assertThat(reads("{\"event\": \"Signed Up\", \"within\": {\"days\": 7}}")).isEqualTo(new SegmentReads(false, true, false, false, false, true));
        assertThat(reads("{\"event\": \"Paid\", \"between\": {\"from\": \"2025-01-01\", \"to\": \"2025-01-31\"}}"))
                .isEqualTo(new SegmentReads(false, true, false, false, false, false));
        assertThat(reads("{\"event\": \"Logged In\", \"lastSeen\": {\"before\": {\"daysAgo\": 60}}}")).extracting(SegmentReads::timeRelative)
                .isEqualTo(true);
        assertThat(reads("{\"not\": {\"and\": [{\"attribute\": \"birthday\", \"op\": \"anniversary\"}, {\"event\": \"X\"}]}}"))
                .isEqualTo(new SegmentReads(true, true, false, false, false, true));
        assertThat(reads("{\"attribute\": \"attributes.renewal\", \"op\": \"within_last\", \"days\": 30}")).extracting(SegmentReads::timeRelative)
                .isEqualTo(true);
        assertThat(reads("{\"attribute\": \"createdAt\", \"op\": \"before\", \"value\": \"2025-01-01\"}"))
                .isEqualTo(new SegmentReads(true, false, false, false, false, false));
    }
}
