package dev.tendril.scoring.internal;

import java.util.List;
import java.util.Map;

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

    ScoringModel withVersion(int v) {
        return new ScoringModel(v, categories, halfLifeDays, grades, temperature, stageRules);
    }
}
