package dev.tendril.scoring.internal;

import dev.tendril.scoring.internal.Scored.FiredRule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The scoring maths. Each category's points are the sum of its fired rules (a condition rule's
 * points when it holds, a per-unit rule's counter × points per unit); its contribution is
 * weight × points, capped. Recency decays the activity (behavior + engagement contributions) by the
 * time since the contact was last seen: its points are −activity × (1 − 0.5^(days / halfLife)), so
 * behavior + engagement + recency = activity × 0.5^(days / halfLife). The predictive category adds
 * the predictive hook's points to its rules. Fit = demographics + firmographics, engagement =
 * behavior + engagement + recency, total = all six.
 */
final class ScoreCalculator {
    static final String DECAY_RULE = "Inactivity decay";
    static final String PREDICTIVE_RULE = "Predictive model";

    private ScoreCalculator() {}

    static Scored score(ScoringModel model, ScoreInputs in) {
        Map<Category, Double> breakdown = new EnumMap<>(Category.class);
        List<FiredRule> fired = new ArrayList<>();
        for (Category c : List.of(Category.DEMOGRAPHICS, Category.FIRMOGRAPHICS, Category.BEHAVIOR, Category.ENGAGEMENT)) {
            breakdown.put(c, contribution(model.category(c), c, rulePoints(model, c, in, fired)));
        }
        double activity = breakdown.get(Category.BEHAVIOR) + breakdown.get(Category.ENGAGEMENT);
        double recency = rulePoints(model, Category.RECENCY, in, fired);
        double decay = decay(activity, model.halfLifeDays(), in);
        double decayShown = round(decay);
        if (decayShown != 0) { // a rule listed as worth 0.00 explains nothing
            fired.add(new FiredRule(Category.RECENCY.jsonName(), DECAY_RULE, decayShown, FiredRule.DECAY));
        }
        breakdown.put(Category.RECENCY, contribution(model.category(Category.RECENCY), Category.RECENCY, recency + decay));
        double predictive = rulePoints(model, Category.PREDICTIVE, in, fired);
        if (in.predictive() != 0) {
            fired.add(new FiredRule(Category.PREDICTIVE.jsonName(), PREDICTIVE_RULE, round(in.predictive()), FiredRule.PREDICTIVE));
        }
        breakdown.put(Category.PREDICTIVE, contribution(model.category(Category.PREDICTIVE), Category.PREDICTIVE, predictive + in.predictive()));

        double fit = round(breakdown.get(Category.DEMOGRAPHICS) + breakdown.get(Category.FIRMOGRAPHICS));
        double engagement = round(breakdown.get(Category.BEHAVIOR) + breakdown.get(Category.ENGAGEMENT) + breakdown.get(Category.RECENCY));
        double total = round(fit + engagement + breakdown.get(Category.PREDICTIVE));
        String grade = model.grades().grade(fit);
        String temperature = model.temperature().of(total);
        Scored withoutAdvice = new Scored(total, fit, engagement, grade, temperature, breakdown, fired, List.of());
        return new Scored(total, fit, engagement, grade, temperature, breakdown, fired, Recommendations.of(withoutAdvice, in));
    }

    /** −activity × (1 − 0.5^(days / halfLife)); nothing for a contact never seen or with no positive activity. */
    static double decay(double activity, double halfLifeDays, ScoreInputs in) {
        if (activity <= 0 || in.behavior() == null || in.behavior().lastSeenAt() == null) {
            return 0;
        }
        double days = Math.max(0, Duration.between(in.behavior().lastSeenAt(), in.now()).toSeconds() / 86_400.0);
        return -activity * (1 - Math.pow(0.5, days / halfLifeDays));
    }

    private static double rulePoints(ScoringModel model, Category c, ScoreInputs in, List<FiredRule> fired) {
        double sum = 0;
        List<ScoringRule> rules = model.category(c).rules();
        int first = model.position(c, 0);
        for (int i = 0; i < rules.size(); i++) {
            ScoringRule rule = rules.get(i);
            double points = switch (rule) {
                case ScoringRule.When w -> in.matches().test(w.condition()) ? w.points() : 0;
                case ScoringRule.PerUnit p -> p.metric().value(in.behavior()) * p.pointsPerUnit();
            };
            double shown = round(points);
            if (shown != 0) {
                fired.add(new FiredRule(c.jsonName(), rule.name(), shown, first + i));
                sum += points;
            }
        }
        return sum;
    }

    private static double contribution(CategoryModel category, Category c, double points) {
        return round(category.contribution(points));
    }

    /**
     * Half up to hundredths of the value's decimal form. A value already a whole number of hundredths (most
     * points are) comes back as it is, without the decimal conversion.
     */
    static double round(double value) {
        if (Math.rint(value * 100) / 100 == value) {
            return value + 0.0; // + 0.0 turns -0.0 into 0.0
        }
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue() + 0.0;
    }
}
