package dev.tendril.segment.internal;

import static dev.tendril.segment.internal.SegmentReadsTest.reads;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tendril.segment.internal.PendingStore.Reads;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangedContactsTest {
    private final ChangedContacts changed = new ChangedContacts();

    ChangedContactsTest() {
        changed.add(Reads.ALL, List.of(1L));            // a new or identified person with events
        changed.add(Reads.EVENTS, List.of(2L, 3L));     // activity only
        changed.add(Reads.CONTACT_DATA, List.of(4L));   // edited through the API
        changed.add(Reads.SCORES, List.of(5L));         // temperature or grade moved
        changed.add(Reads.SCORE_NUMBERS, List.of(6L));  // only the numbers moved
        changed.add(Reads.MEMBERSHIPS, List.of(7L));
        changed.add(Reads.EVENTS, List.of(1L, 3L));     // repeats merge
    }

    @Test
    void activityOnlyReachesSegmentsReadingEvents() {
        assertThat(changed.affecting(reads("{\"event\": \"Signed Up\"}"))).containsExactly(1L, 2L, 3L);
        assertThat(changed.affecting(reads("{\"stage\": \"mql\"}"))).containsExactly(1L, 4L);
        assertThat(changed.affecting(reads("{\"and\": [{\"stage\": \"mql\"}, {\"event\": \"Signed Up\"}]}")))
                .containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void segmentsReadingScoresFollowScoreChangesAlone() {
        assertThat(changed.affecting(reads("{\"temperature\": \"hot\"}"))).containsExactly(5L);
        assertThat(changed.affecting(reads("{\"score\": {\"op\": \"gte\", \"value\": 50}}"))).containsExactly(5L, 6L);
        assertThat(changed.affecting(reads("{\"inSegment\": \"sg_1\"}"))).containsExactly(7L);
    }
}
