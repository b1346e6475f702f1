package dev.tendril.scoring.internal;

import dev.tendril.segment.Condition;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The lifecycle stages in order, and which automatic move applies. Automatic moves only go forward
 * (to a later stage), except a rule to {@code churned}, which applies from any stage. Contacts in
 * customer or churned are left alone unless the rule lists their stage in {@code allowFrom}; from
 * churned (so allowed) a rule may move to any stage. Of several rules that hold, the furthest
 * stage wins (churned counting as furthest).
 */
final class Stages {
    static final List<String> ORDER = List.of("subscriber", "lead", "mql", "sql", "opportunity", "customer", "evangelist");
    static final String CHURNED = "churned";

    private Stages() {}

    static boolean isStage(String stage) {
        return ORDER.contains(stage) || CHURNED.equals(stage);
    }

    /** Position in the funnel; churned is past the end. */
    static int rank(String stage) {
        return CHURNED.equals(stage) ? ORDER.size() : ORDER.indexOf(stage);
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
}
