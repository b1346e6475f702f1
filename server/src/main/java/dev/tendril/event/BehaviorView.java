package dev.tendril.event;

import java.time.Instant;

/** A contact's behaviour summary: what the scoring engine's behaviour rules read. */
public record BehaviorView(String contactId, Instant firstSeenAt, Instant lastSeenAt, int sessions, int returnVisits,
        double timeOnSite, int pageViews, int pricingPageViews, int demoRequests, int trialSignups, int contentDownloads,
        int videoWatches, int webinarAttendance) {}
