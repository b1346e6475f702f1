package dev.tendril.web.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The scoring model's JSON (docs/scoring.md) as the scoring page shows it. */
public record ScoringModelView(int version, List<CategoryRow> categories, List<Map.Entry<String, String>> grades, String hot,
        String warm, List<StageRow> stageRules, String rescoreStatus, int rescoreDone, int rescoreTotal) {

    /** {@code points} reads "+15" for a condition rule and "×20 per pricingPageViews" for a per-unit one. */
    public record RuleRow(String name, String points, String condition) {}

    public record CategoryRow(String name, String weight, String cap, String halfLifeDays, List<RuleRow> rules) {}

    public record StageRow(String stage, String when, String allowFrom) {}

    static ScoringModelView of(JsonNode model) {
        List<CategoryRow> categories = new ArrayList<>();
        for (Map.Entry<String, JsonNode> c : model.get("categories").properties()) {
            JsonNode cat = c.getValue();
            List<RuleRow> rules = new ArrayList<>();
            for (JsonNode r : cat.get("rules")) {
                rules.add(r.has("metric")
                        ? new RuleRow(r.get("name").asString(), "×" + Formats.points(r.get("pointsPerUnit").asDouble())
                                + " per " + r.get("metric").asString(), null)
                        : new RuleRow(r.get("name").asString(), Formats.signed(r.get("points").asDouble()), r.get("condition").toString()));
            }
            categories.add(new CategoryRow(c.getKey(), number(cat.get("weight")), number(cat.get("cap")), number(cat.get("halfLifeDays")),
                    rules));
        }
        List<Map.Entry<String, String>> grades = new ArrayList<>();
        model.get("grades").properties().forEach(g -> grades.add(Map.entry(g.getKey(), number(g.getValue()))));
        List<StageRow> stages = new ArrayList<>();
        for (JsonNode r : model.get("stageRules")) {
            List<String> when = new ArrayList<>();
            JsonNode w = r.get("when");
            if (w.has("minScore")) {
                when.add("score ≥ " + number(w.get("minScore")));
            }
            if (w.has("minFitGrade")) {
                when.add("fit grade ≥ " + w.get("minFitGrade").asString());
            }
            if (w.has("minEngagementScore")) {
                when.add("engagement ≥ " + number(w.get("minEngagementScore")));
            }
            if (w.has("condition")) {
                when.add(w.get("condition").toString());
            }
            List<String> from = new ArrayList<>();
            if (r.has("allowFrom")) {
                r.get("allowFrom").forEach(f -> from.add(f.asString()));
            }
            stages.add(new StageRow(r.get("stage").asString(), String.join(" and ", when), String.join(", ", from)));
        }
        JsonNode rescore = model.get("rescore");
        return new ScoringModelView(model.get("version").asInt(), categories, grades, number(model.get("temperature").get("hot")),
                number(model.get("temperature").get("warm")), stages, rescore.get("status").asString(), rescore.get("done").asInt(),
                rescore.get("total").asInt());
    }

    private static String number(JsonNode n) {
        return n == null || n.isNull() ? null : Formats.points(n.asDouble());
    }
}
