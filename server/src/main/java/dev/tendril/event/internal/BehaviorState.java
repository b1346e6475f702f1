package dev.tendril.event.internal;

import dev.tendril.event.BehaviorMetric;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * A contact's behaviour, folded event by event in time order. A session is a run of activity with
 * gaps under {@link #SESSION_GAP}; time on site is first-to-last event of each session, summed. Folding
 * the stored state with newer events gives the same result as folding all events from scratch.
 */
record BehaviorState(Instant firstSeen, Instant lastSeen, int sessions, long timeOnSiteSeconds, Map<BehaviorMetric, Integer> counts) {
    static final Duration SESSION_GAP = Duration.ofMinutes(30);

    static BehaviorState empty() {
        return new BehaviorState(null, null, 0, 0, new EnumMap<>(BehaviorMetric.class));
    }

    /** True when an event at this time can be folded in; an older one needs a refold of all events. */
    boolean acceptsInOrder(Instant at) {
        return lastSeen == null || !at.isBefore(lastSeen);
    }

    BehaviorState fold(Instant at, Set<BehaviorMetric> metrics) {
        Map<BehaviorMetric, Integer> next = new EnumMap<>(BehaviorMetric.class);
        next.putAll(counts);
        for (BehaviorMetric m : metrics) {
            next.merge(m, 1, Integer::sum);
        }
        if (lastSeen == null) {
            return new BehaviorState(at, at, 1, 0, next);
        }
        Duration gap = Duration.between(lastSeen, at);
        if (gap.compareTo(SESSION_GAP) < 0) {
            return new BehaviorState(firstSeen, at, sessions, timeOnSiteSeconds + gap.toSeconds(), next);
        }
        return new BehaviorState(firstSeen, at, sessions + 1, timeOnSiteSeconds, next);
    }

    int count(BehaviorMetric metric) {
        return counts.getOrDefault(metric, 0);
    }

    int returnVisits() {
        return Math.max(0, sessions - 1);
    }
}
