package dev.tendril.condition;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** When events count: a half-open range of instants, resolved against "now". */
public sealed interface Window {
    /** {@code [from, until)}; a null end is open. */
    record Range(Instant from, Instant until) {
        public boolean contains(Instant t) {
            return (from == null || !t.isBefore(from)) && (until == null || t.isBefore(until));
        }
    }

    Range range(Instant now);

    record Ever() implements Window {
        @Override
        public Range range(Instant now) {
            return new Range(null, null);
        }
    }

    /** The last N × 24 hours: at or after now minus N days. */
    record WithinLast(int days) implements Window {
        @Override
        public Range range(Instant now) {
            return new Range(now.minus(Duration.ofDays(days)), null);
        }
    }

    /** From the start of {@code from} to the end of {@code to}, UTC days, both included. */
    record Between(LocalDate from, LocalDate to) implements Window {
        @Override
        public Range range(Instant now) {
            return new Range(from.atStartOfDay(ZoneOffset.UTC).toInstant(), to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
    }

    /** Strictly before the bound. */
    record Before(DateBound bound) implements Window {
        @Override
        public Range range(Instant now) {
            return new Range(null, bound.instant(now));
        }
    }

    /** At or after the bound. */
    record After(DateBound bound) implements Window {
        @Override
        public Range range(Instant now) {
            return new Range(bound.instant(now), null);
        }
    }
}
