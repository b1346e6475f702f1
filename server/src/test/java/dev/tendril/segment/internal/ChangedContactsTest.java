package dev.tendril.segment.internal;

import static dev.tendril.condition.ConditionReadsTest.reads;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tendril.platform.Ids;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangedContactsTest {
    private final ChangedContacts changed = new ChangedContacts();

    ChangedContactsTest() {
        changed.add(ChangeKind.ALL, List.of(1L));            // a new or identified person with events
        changed.add(ChangeKind.EVENTS, List.of(2L, 3L));     // activity only
        changed.add(ChangeKind.CONTACT_DATA, List.of(4L));   // edited through the API
        changed.add(ChangeKind.SCORES, List.of(5L));         // temperature or grade moved
        changed.add(ChangeKind.SCORE_NUMBERS, List.of(6L));  // only the numbers moved
        changed.add(ChangeKind.MEMBERSHIPS, List.of(7L));
        changed.add(ChangeKind.STAGE, List.of(8L));          // moved to another lifecycle stage
        changed.add(ChangeKind.EVENTS, List.of(1L, 3L));     // repeats merge
    }

    @Test
    void activityOnlyReachesSegmentsReadingEvents() {
        assertThat(changed.affecting(reads("{\"event\": \"Signed Up\"}"))).containsExactly(1L, 2L, 3L);
        assertThat(changed.affecting(reads("{\"and\": [{\"attribute\": \"title\", \"op\": \"eq\", \"value\": \"CEO\"}, "
                + "{\"event\": \"Signed Up\"}]}"))).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void aStageMoveReachesOnlySegmentsReadingTheStage() {
        assertThat(changed.affecting(reads("{\"stage\": \"mql\"}"))).as("an edit may set the stage too").containsExactly(1L, 4L, 8L);
        assertThat(changed.affecting(reads("{\"attribute\": \"lifecycleStage\", \"op\": \"eq\", \"value\": \"mql\"}")))
                .containsExactly(1L, 4L, 8L);
        assertThat(changed.affecting(reads("{\"attribute\": \"title\", \"op\": \"eq\", \"value\": \"CEO\"}"))).containsExactly(1L, 4L);
    }

    @Test
    void segmentsReadingScoresFollowScoreChangesAlone() {
        assertThat(changed.affecting(reads("{\"temperature\": \"hot\"}"))).containsExactly(5L);
        assertThat(changed.affecting(reads("{\"score\": {\"op\": \"gte\", \"value\": 50}}"))).containsExactly(5L, 6L);
        assertThat(changed.affecting(reads("{\"inSegment\": \"" + Ids.SEGMENT.format(1) + "\"}"))).containsExactly(7L);
    }
}
