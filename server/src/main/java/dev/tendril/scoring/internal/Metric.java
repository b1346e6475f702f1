package dev.tendril.scoring.internal;

import dev.tendril.event.BehaviorView;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** The behaviour counters a per-unit rule can multiply; time on site is in minutes. */
enum Metric {
    PAGE_VIEWS("pageViews", BehaviorView::pageViews),
    TIME_ON_SITE("timeOnSite", BehaviorView::timeOnSite),
    RETURN_VISITS("returnVisits", BehaviorView::returnVisits),
    CONTENT_DOWNLOADS("contentDownloads", BehaviorView::contentDownloads),
    VIDEO_WATCHES("videoWatches", BehaviorView::videoWatches),
    WEBINAR_ATTENDANCE("webinarAttendance", BehaviorView::webinarAttendance),
    PRICING_PAGE_VIEWS("pricingPageViews", BehaviorView::pricingPageViews),
    DEMO_REQUESTS("demoRequests", BehaviorView::demoRequests),
    TRIAL_SIGNUPS("trialSignups", BehaviorView::trialSignups);

    private final String jsonName;
    private final ToDoubleFunction<BehaviorView> read;

    Metric(String jsonName, ToDoubleFunction<BehaviorView> read) {
        this.jsonName = jsonName;
        this.read = read;
    }

    String jsonName() {
        return jsonName;
    }

    /** The counter's value; 0 for a contact with no behaviour yet. */
    double value(BehaviorView behavior) {
        return behavior == null ? 0 : read.applyAsDouble(behavior);
    }

    static Optional<Metric> byName(String name) {
        return Arrays.stream(values()).filter(m -> m.jsonName.equals(name)).findFirst();
    }
}
