package dev.tendril.event.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tendril.event.BehaviorMetric;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BehaviorStateTest {
    static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void sessionsSplitOnGapsOfThirtyMinutesOrMore() {
        BehaviorState s = BehaviorState.empty()
                .fold(T0, Set.of(BehaviorMetric.PAGE_VIEWS))
                .fold(T0.plusSeconds(29 * 60), Set.of(BehaviorMetric.PAGE_VIEWS))
                .fold(T0.plusSeconds(59 * 60), Set.of(BehaviorMetric.PRICING_PAGE_VIEWS, BehaviorMetric.PAGE_VIEWS))
                .fold(T0.plusSeconds(3 * 3600), Set.of());
        assertThat(s.sessions()).isEqualTo(3);
        assertThat(s.returnVisits()).isEqualTo(2);
        assertThat(s.timeOnSiteSeconds()).isEqualTo(29 * 60);
        assertThat(s.count(BehaviorMetric.PAGE_VIEWS)).isEqualTo(3);
        assertThat(s.count(BehaviorMetric.PRICING_PAGE_VIEWS)).isEqualTo(1);
        assertThat(s.firstSeen()).isEqualTo(T0);
        assertThat(s.lastSeen()).isEqualTo(T0.plusSeconds(3 * 3600));
    }

    @Test
    void foldingInTwoPartsEqualsFoldingAllAtOnce() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            List<Instant> times = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(30); i++) {
                times.add(T0.plusSeconds(random.nextInt(6 * 3600)));
            }
            Collections.sort(times);
            int split = random.nextInt(times.size());
            BehaviorState whole = BehaviorState.empty();
            for (Instant t : times) {
                whole = whole.fold(t, Set.of(BehaviorMetric.PAGE_VIEWS));
            }
            BehaviorState parts = BehaviorState.empty();
            for (Instant t : times.subList(0, split)) {
                parts = parts.fold(t, Set.of(BehaviorMetric.PAGE_VIEWS));
            }
            assertThat(parts.acceptsInOrder(times.get(split))).isTrue();
            for (Instant t : times.subList(split, times.size())) {
                parts = parts.fold(t, Set.of(BehaviorMetric.PAGE_VIEWS));
            }
            assertThat(parts).isEqualTo(whole);
        }
    }

    @Test
    void anOlderEventIsNotAcceptedInOrder() {
        BehaviorState s = BehaviorState.empty().fold(T0, Set.of());
        assertThat(s.acceptsInOrder(T0.minusSeconds(1))).isFalse();
        assertThat(s.acceptsInOrder(T0)).isTrue();
    }

    @Test
    void defaultRulesMapSegmentSpecEvents() {
        BehaviorMatcher m = new BehaviorMatcher(BehaviorMatcher.DEFAULTS);
        assertThat(m.metrics("page", null, "/en/Pricing/teams")).containsExactlyInAnyOrder(BehaviorMetric.PAGE_VIEWS, BehaviorMetric.PRICING_PAGE_VIEWS);
        assertThat(m.metrics("page", "Home", "/")).containsExactly(BehaviorMetric.PAGE_VIEWS);
        assertThat(m.metrics("track", "Video Playback Completed", null)).containsExactly(BehaviorMetric.VIDEO_WATCHES);
        assertThat(m.metrics("track", "Trial Started", null)).containsExactly(BehaviorMetric.TRIAL_SIGNUPS);
        assertThat(m.metrics("track", "Order Completed", null)).isEmpty();
        assertThat(m.metrics("screen", "Pricing", "/pricing")).isEmpty();
    }
}
