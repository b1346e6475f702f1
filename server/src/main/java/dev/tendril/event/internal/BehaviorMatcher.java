package dev.tendril.event.internal;

import dev.tendril.event.BehaviorMetric;
import dev.tendril.event.BehaviorRule;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Which metrics one event counts towards, by a workspace's rules. */
record BehaviorMatcher(List<BehaviorRule> rules) {

    /** The defaults: Segment's page calls, B2B SaaS and video specs. */
    static final List<BehaviorRule> DEFAULTS = List.of(
            new BehaviorRule("pageViews", "page", null, null),
            new BehaviorRule("pricingPageViews", "page", null, "/pricing"),
            new BehaviorRule("demoRequests", "track", "Demo Requested", null),
            new BehaviorRule("trialSignups", "track", "Trial Started", null),
            new BehaviorRule("contentDownloads", "track", "Content Downloaded", null),
            new BehaviorRule("videoWatches", "track", "Video Content Completed", null),
            new BehaviorRule("videoWatches", "track", "Video Playback Completed", null),
            new BehaviorRule("webinarAttendance", "track", "Webinar Attended", null));

    Set<BehaviorMetric> metrics(String type, String name, String path) {
        Set<BehaviorMetric> out = EnumSet.noneOf(BehaviorMetric.class);
        for (BehaviorRule rule : rules) {
            if (!rule.eventType().equals(type)) {
                continue;
            }
            if (rule.eventName() != null && (name == null || !rule.eventName().equalsIgnoreCase(name))) {
                continue;
            }
            if (rule.pathContains() != null
                    && (path == null || !path.toLowerCase(Locale.ROOT).contains(rule.pathContains().toLowerCase(Locale.ROOT)))) {
                continue;
            }
            BehaviorMetric.byName(rule.metric()).ifPresent(out::add);
        }
        return out;
    }
}
