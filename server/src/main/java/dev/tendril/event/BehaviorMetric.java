package dev.tendril.event;

import java.util.Arrays;
import java.util.Optional;

/** The behaviour counters the scoring engine reads, each fed by configurable event rules. */
public enum BehaviorMetric {
    PAGE_VIEWS("pageViews", "page_views"),
    PRICING_PAGE_VIEWS("pricingPageViews", "pricing_page_views"),
    DEMO_REQUESTS("demoRequests", "demo_requests"),
    TRIAL_SIGNUPS("trialSignups", "trial_signups"),
    CONTENT_DOWNLOADS("contentDownloads", "content_downloads"),
    VIDEO_WATCHES("videoWatches", "video_watches"),
    WEBINAR_ATTENDANCE("webinarAttendance", "webinar_attendance");

    private final String jsonName;
    private final String column;

    BehaviorMetric(String jsonName, String column) {
        this.jsonName = jsonName;
        this.column = column;
    }

    public String jsonName() {
        return jsonName;
    }

    public String column() {
        return column;
    }

    public static Optional<BehaviorMetric> byName(String name) {
        return Arrays.stream(values()).filter(m -> m.jsonName.equals(name)).findFirst();
    }
}
