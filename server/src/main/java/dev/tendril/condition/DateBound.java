package dev.tendril.condition;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** A point in time named in a condition: a calendar day, or a number of days before now. Days are UTC. */
public sealed interface DateBound {
    /** The UTC day this bound falls on. */
    LocalDate day(Instant now);

    /** The instant this bound stands for: midnight UTC of a day, or exactly N × 24 hours before now. */
    Instant instant(Instant now);

    record On(LocalDate date) implements DateBound {
        @Override
        public LocalDate day(Instant now) {
            return date;
        }

        @Override
        public Instant instant(Instant now) {
            return date.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }

    record DaysAgo(int days) implements DateBound {
        @Override
        public LocalDate day(Instant now) {
            return LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(days);
        }

        @Override
        public Instant instant(Instant now) {
            return now.minus(Duration.ofDays(days));
        }
    }
}
