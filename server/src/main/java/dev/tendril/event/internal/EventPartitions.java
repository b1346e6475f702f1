package dev.tendril.event.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Makes the monthly partitions of the event table before events for a month arrive. */
@Component
class EventPartitions {
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Set<YearMonth> known = ConcurrentHashMap.newKeySet();

    EventPartitions(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
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
        LocalDate from = month.atDay(1);
        String table = "event_p%04d_%02d".formatted(month.getYear(), month.getMonthValue());
        tx.executeWithoutResult(s -> {
            // Concurrent creators of the same partition wait here instead of failing.
            jdbc.sql("select 1 from pg_advisory_xact_lock(7341, ?)").param(month.getYear() * 12 + month.getMonthValue()).query(Integer.class).single();
            jdbc.sql("create table if not exists " + table + " partition of event for values from ('" + from + " 00:00:00+00') to ('"
                    + from.plusMonths(1) + " 00:00:00+00')").update();
            // A partition does not inherit its parent's statistics targets (V34).
            jdbc.sql("alter table " + table + " alter column properties set statistics 0, alter column traits set statistics 0,"
                    + " alter column context set statistics 0, alter column integrations set statistics 0").update();
        });
    }
}
