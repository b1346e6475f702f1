package dev.tendril.testing;

import dev.tendril.contact.StageChanged;
import dev.tendril.scoring.GradeChanged;
import dev.tendril.scoring.ScoreChanged;
import dev.tendril.scoring.ScoreThresholdCrossed;
import dev.tendril.scoring.TemperatureChanged;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.event.TransactionalEventListener;

/** Records every scoring event published by a committed transaction. */
@TestComponent
public class RecordedScoringEvents {
    private final List<Object> events = new CopyOnWriteArrayList<>();

    @TransactionalEventListener(classes = {ScoreChanged.class, GradeChanged.class, TemperatureChanged.class,
            ScoreThresholdCrossed.class, StageChanged.class})
    void on(Object event) {
        events.add(event);
    }

    /** The events about one contact, in publication order. */
    public List<Object> of(long workspaceId, long contactId) {
        return events.stream().filter(e -> switch (e) {
            case ScoreChanged s -> s.workspaceId() == workspaceId && s.contactId() == contactId;
            case GradeChanged g -> g.workspaceId() == workspaceId && g.contactId() == contactId;
            case TemperatureChanged t -> t.workspaceId() == workspaceId && t.contactId() == contactId;
            case ScoreThresholdCrossed c -> c.workspaceId() == workspaceId && c.contactId() == contactId;
            case StageChanged s -> s.workspaceId() == workspaceId && s.contactId() == contactId;
            default -> false;
        }).toList();
    }
}
