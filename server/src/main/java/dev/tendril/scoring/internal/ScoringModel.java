package dev.tendril.scoring.internal;

import dev.tendril.condition.Condition;
import dev.tendril.scoring.internal.Scored.FiredRule;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A workspace's scoring model at one version: the categories (all six, always), the recency
 * half-life in days, grade and temperature thresholds, and automatic lifecycle-stage rules.
 */
record ScoringModel(int version, Map<Category, CategoryModel> categories, double halfLifeDays, GradeScale grades,
        TemperatureScale temperature, List<StageRule> stageRules) {
    ScoringModel {
        categories = Map.copyOf(categories);
        stageRules = List.copyOf(stageRules);
    }

    CategoryModel category(Category c) {
        return categories.get(c);
    }

    /**
     * A rule's position in the model: categories in their order, each category's rules as written. A stored
     * score names the rules that fired by position, read back with the model version it was scored with.
     */
    int position(Category c, int indexInCategory) {
        int before = 0;
        for (Category earlier : Category.values()) {
            if (earlier == c) {
                return before + indexInCategory;
            }
            before += category(earlier).rules().size();
        }
        throw new IllegalArgumentException(c.name());
    }

    /** The fired rule a stored score names by position; empty for a position this version does not have. */
    Optional<FiredRule> fired(int position, double points) {
        return switch (position) {
            case FiredRule.DECAY -> Optional.of(new FiredRule(Category.RECENCY.jsonName(), ScoreCalculator.DECAY_RULE, points, position));
            case FiredRule.PREDICTIVE -> Optional.of(new FiredRule(Category.PREDICTIVE.jsonName(), ScoreCalculator.PREDICTIVE_RULE, points, position));
            default -> {
                int rest = position;
                for (Category c : Category.values()) {
                    List<ScoringRule> rules = category(c).rules();
                    if (rest >= 0 && rest < rules.size()) {
                        yield Optional.of(new FiredRule(c.jsonName(), rules.get(rest).name(), points, position));
                    }
                    rest -= rules.size();
                }
                yield Optional.empty();
            }
        };
    }

    /** The conditions of its rules and stage rules, in that order. */
    List<Condition> conditions() {
        return Stream.concat(Arrays.stream(Category.values()).flatMap(c -> category(c).rules().stream())
                                .map(r -> r instanceof ScoringRule.When w ? w.condition() : null),
                        stageRules.stream().map(StageRule::condition))
                .filter(Objects::nonNull).toList();
    }

    ScoringModel withVersion(int v) {
        return new ScoringModel(v, categories, halfLifeDays, grades, temperature, stageRules);
    }
}
