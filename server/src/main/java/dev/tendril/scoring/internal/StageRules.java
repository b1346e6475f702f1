package dev.tendril.scoring.internal;

import dev.tendril.condition.Condition;
import dev.tendril.contact.LifecycleStages;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which automatic stage move applies (the stages themselves are the contact module's {@link LifecycleStages}). Automatic moves only go forward
 * (to a later stage), except a rule to {@code churned}, which applies from any stage. Contacts in
 * customer or churned are left alone unless the rule lists their stage in {@code allowFrom}; from
 * churned (so allowed) a rule may move to any stage. Of several rules that hold, the furthest
 * stage wins (churned counting as furthest).
 */
final class StageRules {
    private static final String CHURNED = LifecycleStages.CHURNED;

    private StageRules() {}

    /** Position in the funnel; churned is past the end. */
    static int rank(String stage) {
        return CHURNED.equals(stage) ? LifecycleStages.ORDER.size() : LifecycleStages.ORDER.indexOf(stage);
    }

    /** The stage an automatic rule moves the contact to, if any. */
    static Optional<StageRule> automaticMove(List<StageRule> rules, String current, Scored scored, Predicate<Condition> matches) {
        StageRule best = null;
        for (StageRule rule : rules) {
            if (allowed(rule, current) && holds(rule, scored, matches) && (best == null || rank(rule.stage()) > rank(best.stage()))) {
                best = rule;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean allowed(StageRule rule, String current) {
        if (rule.stage().equals(current)) {
            return false;
        }
        if ((current.equals("customer") || current.equals(CHURNED)) && !rule.allowFrom().contains(current)) {
            return false;
        }
        return rule.stage().equals(CHURNED) || current.equals(CHURNED) || rank(rule.stage()) > rank(current);
    }

    private static boolean holds(StageRule rule, Scored s, Predicate<Condition> matches) {
        return (rule.minScore() == null || s.score() >= rule.minScore())
                && (rule.minFitGrade() == null || GradeScale.atLeast(s.grade(), rule.minFitGrade()))
                && (rule.minEngagementScore() == null || s.engagementScore() >= rule.minEngagementScore())
                && (rule.condition() == null || matches.test(rule.condition()));
    }

    /** Says which tests of an automatic rule held, for the stage history. */
    static String describe(StageRule rule) {
        StringBuilder s = new StringBuilder("rule ").append(rule.stage()).append(':');
        if (rule.minScore() != null) {
            s.append(" score ≥ ").append(ScoreCalculator.round(rule.minScore()));
        }
        if (rule.minFitGrade() != null) {
            s.append(" fit grade ≥ ").append(rule.minFitGrade());
        }
        if (rule.minEngagementScore() != null) {
            s.append(" engagement ≥ ").append(ScoreCalculator.round(rule.minEngagementScore()));
        }
        if (rule.condition() != null) {
            s.append(" condition holds");
        }
        return s.toString();
    }
}
