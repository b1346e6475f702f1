package dev.tendril.scoring.internal;

import dev.tendril.scoring.internal.Scored.Recommendation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Next-best actions from a score (docs/scoring.md lists them):
 * <ul>
 * <li>{@code send_pricing_content}: engagement score ≥ 30 and no pricing-page view;</li>
 * <li>{@code route_to_sales}: hot and no owner (the custom attribute {@code owner} is empty);</li>
 * <li>{@code book_demo}: a demo requested and the stage is before sql;</li>
 * <li>{@code re_engagement_campaign}: not seen for 30 days or more;</li>
 * <li>{@code nurture}: fit grade A or B but an engagement score below 20.</li>
 * </ul>
 */
final class Recommendations {
    static final double ENGAGED = 30;
    static final double BARELY_ENGAGED = 20;
    static final int INACTIVE_DAYS = 30;

    private Recommendations() {}

    static List<Recommendation> of(Scored s, ScoreInputs in) {
        List<Recommendation> out = new ArrayList<>();
        int pricingViews = in.behavior() == null ? 0 : in.behavior().pricingPageViews();
        int demoRequests = in.behavior() == null ? 0 : in.behavior().demoRequests();
        if (s.engagementScore() >= ENGAGED && pricingViews == 0) {
            out.add(new Recommendation("send_pricing_content", "Engaged, but has not viewed the pricing page"));
        }
        if (s.temperature().equals("hot") && !in.hasOwner()) {
            out.add(new Recommendation("route_to_sales", "Hot lead without an owner"));
        }
        if (demoRequests > 0 && StageRules.rank(in.stage()) < StageRules.rank("sql")) {
            out.add(new Recommendation("book_demo", "Requested a demo but is not sales-qualified yet"));
        }
        if (in.behavior() != null && in.behavior().lastSeenAt() != null) {
            long days = Duration.between(in.behavior().lastSeenAt(), in.now()).toDays();
            if (days >= INACTIVE_DAYS) {
                out.add(new Recommendation("re_engagement_campaign", "Inactive for " + days + " days"));
            }
        }
        if (GradeScale.atLeast(s.grade(), "B") && s.engagementScore() < BARELY_ENGAGED) {
            out.add(new Recommendation("nurture", "Good fit with little engagement"));
        }
        return out;
    }
}
