package dev.tendril.event.internal;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Makes the monthly partitions of the event table before events for a month arrive. */
@Component
class EventPartitions {
    private final EventStore events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Set<YearMonth> known = ConcurrentHashMap.newKeySet();

    EventPartitions(EventStore events, TransactionTemplate tx, Clock clock) {
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void prepareCurrentMonths() {
        YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        ensure(Set.of(now, now.plusMonths(1)));
    }

    void ensure(Collection<YearMonth> months) {
        for (YearMonth month : months) {
            if (!known.contains(month)) {
                create(month);
                known.add(month);
            }
        }
    }

    private void create(YearMonth month) {
        tx.executeWithoutResult(s -> events.createPartition(month));
    }
}
