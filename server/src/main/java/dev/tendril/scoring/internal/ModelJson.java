package dev.tendril.scoring.internal;

import dev.tendril.condition.Condition;
import dev.tendril.condition.Conditions;
import dev.tendril.contact.LifecycleStages;
import dev.tendril.platform.InvalidInputException.FieldError;
import dev.tendril.platform.InvalidInputException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a scoring model (docs/scoring.md). Reading checks everything and reports every
 * mistake by its path ({@code categories.demographics.rules[2].condition.op}); a category or section
 * left out takes the default model's. {@code version} and {@code rescore} are ignored on input, so a
 * model read with GET can be sent back with PUT.
 */
final class ModelJson {
    private static final Set<String> TOP = Set.of("version", "rescore", "categories", "grades", "temperature", "stageRules");
    private static final Set<String> CATEGORY = Set.of("weight", "cap", "rules", "halfLifeDays");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Function<JsonNode, Condition> conditions;
    private final List<FieldError> errors = new ArrayList<>();

    private ModelJson(Function<JsonNode, Condition> conditions) {
        this.conditions = conditions;
    }

    /** Reads a model; {@code defaults} fills what the input leaves out (null when reading the defaults themselves). */
    static ScoringModel read(JsonNode in, ScoringModel defaults, Function<JsonNode, Condition> conditions) {
        ModelJson reader = new ModelJson(conditions);
        ScoringModel model = reader.model(in, defaults);
        if (!reader.errors.isEmpty()) {
            throw new InvalidInputException(reader.errors);
        }
        return model;
    }

    private ScoringModel model(JsonNode in, ScoringModel defaults) {
        if (in == null || !in.isObject()) {
            errors.add(new FieldError("model", "must be a JSON object"));
            return null;
        }
        unknownKeys(in, TOP, "");
        Map<Category, CategoryModel> categories = new EnumMap<>(Category.class);
        double halfLife = defaults == null ? 30 : defaults.halfLifeDays();
        JsonNode cats = in.get("categories");
        if (cats != null && !cats.isObject()) {
            errors.add(new FieldError("categories", "must be an object of categories"));
        } else if (cats != null) {
            for (String name : cats.propertyNames()) {
                if (Category.byName(name).isEmpty()) {
                    errors.add(new FieldError("categories." + name, "is not a category (demographics, firmographics, behavior, engagement, recency, predictive)"));
                }
            }
        }
        for (Category c : Category.values()) {
            JsonNode node = cats == null || !cats.isObject() ? null : cats.get(c.jsonName());
            String path = "categories." + c.jsonName();
            if (node == null) {
                if (defaults == null) {
                    errors.add(new FieldError(path, "is required"));
                } else {
                    categories.put(c, defaults.category(c));
                }
                continue;
            }
            categories.put(c, category(node, c, path));
            if (c == Category.RECENCY && node.isObject() && node.has("halfLifeDays")) {
                halfLife = number(node.get("halfLifeDays"), path + ".halfLifeDays", halfLife);
                if (halfLife <= 0) {
                    errors.add(new FieldError(path + ".halfLifeDays", "must be greater than 0"));
                }
            } else if (c != Category.RECENCY && node.isObject() && node.has("halfLifeDays")) {
                errors.add(new FieldError(path + ".halfLifeDays", "belongs to the recency category only"));
            }
        }
        GradeScale grades = in.has("grades") ? grades(in.get("grades")) : defaults == null ? null : defaults.grades();
        TemperatureScale temperature = in.has("temperature") ? temperature(in.get("temperature"))
                : defaults == null ? null : defaults.temperature();
        List<StageRule> stageRules = in.has("stageRules") ? stageRules(in.get("stageRules"))
                : defaults == null ? List.of() : defaults.stageRules();
        if (!errors.isEmpty()) {
            return null;
        }
        return new ScoringModel(0, categories, halfLife, grades, temperature, stageRules);
    }

    private CategoryModel category(JsonNode in, Category c, String path) {
        if (!in.isObject()) {
            errors.add(new FieldError(path, "must be an object with weight, cap and rules"));
            return null;
        }
        unknownKeys(in, CATEGORY, path + ".");
        double weight = in.has("weight") ? number(in.get("weight"), path + ".weight", 1) : 1;
        if (weight < 0) {
            errors.add(new FieldError(path + ".weight", "must be 0 or more"));
        }
        Double cap = null;
        if (in.has("cap") && !in.get("cap").isNull()) {
            cap = number(in.get("cap"), path + ".cap", 0);
            if (cap <= 0) {
                errors.add(new FieldError(path + ".cap", "must be greater than 0 (leave it out for no cap)"));
            }
        }
        List<ScoringRule> rules = new ArrayList<>();
        JsonNode list = in.get("rules");
        if (list != null && !list.isArray()) {
            errors.add(new FieldError(path + ".rules", "must be a list of rules"));
        } else if (list != null) {
            Set<String> names = new LinkedHashSet<>();
            for (int i = 0; i < list.size(); i++) {
                ScoringRule rule = rule(list.get(i), c, path + ".rules[" + i + "]");
                if (rule == null) {
                    continue; // not a rule object: its error is noted, and the model is refused
                }
                if (!names.add(rule.name())) {
                    errors.add(new FieldError(path + ".rules[" + i + "].name", "is used by another rule of this category"));
                }
                rules.add(rule);
            }
        }
        return new CategoryModel(weight, cap, rules);
    }

    private ScoringRule rule(JsonNode in, Category c, String path) {
        if (in == null || !in.isObject()) {
            errors.add(new FieldError(path, "must be a rule object"));
            return null;
        }
        String name = in.has("name") && in.get("name").isString() ? in.get("name").asString().strip() : "";
        if (name.isEmpty() || name.length() > 200) {
            errors.add(new FieldError(path + ".name", "is required (up to 200 characters)"));
        }
        if (in.has("metric")) {
            unknownKeys(in, Set.of("name", "metric", "pointsPerUnit"), path + ".");
            if (c != Category.BEHAVIOR) {
                errors.add(new FieldError(path + ".metric", "per-unit rules belong to the behavior category"));
            }
            Metric metric = in.get("metric").isString() ? Metric.byName(in.get("metric").asString()).orElse(null) : null;
            if (metric == null) {
                errors.add(new FieldError(path + ".metric", "must be one of " + String.join(", ",
                        java.util.Arrays.stream(Metric.values()).map(Metric::jsonName).toList())));
            }
            double perUnit = required(in, "pointsPerUnit", path);
            return new ScoringRule.PerUnit(name, metric, perUnit);
        }
        unknownKeys(in, Set.of("name", "condition", "points"), path + ".");
        double points = required(in, "points", path);
        Condition condition = condition(in.get("condition"), path + ".condition");
        return new ScoringRule.When(name, condition, in.get("condition"), points);
    }

    private Condition condition(JsonNode in, String path) {
        if (in == null) {
            errors.add(new FieldError(path, "is required (a condition of the segment language)"));
            return null;
        }
        try {
            Condition condition = conditions.apply(in);
            Optional<String> unscorable = Conditions.unscorablePath(in, path);
            if (unscorable.isPresent()) {
                errors.add(new FieldError(unscorable.get(), "cannot be used in the scoring model: a score cannot depend on the score, "
                        + "grade or temperature it computes (stage rules have minScore, minFitGrade, minEngagementScore), "
                        + "nor on list or segment membership"));
                return null;
            }
            return condition;
        } catch (InvalidInputException e) {
            String parent = path.substring(0, path.length() - "condition".length());
            e.errors().forEach(err -> errors.add(new FieldError(parent + err.field(), err.message())));
            return null;
        }
    }

    private GradeScale grades(JsonNode in) {
        if (!in.isObject()) {
            errors.add(new FieldError("grades", "must be an object of thresholds A, B, C, D"));
            return null;
        }
        unknownKeys(in, Set.of("A", "B", "C", "D"), "grades.");
        double[] t = new double[4];
        String[] letters = {"A", "B", "C", "D"};
        for (int i = 0; i < 4; i++) {
            t[i] = required(in, letters[i], "grades");
            if (i > 0 && t[i] >= t[i - 1]) {
                errors.add(new FieldError("grades." + letters[i], "must be below the threshold of " + letters[i - 1]));
            }
        }
        return new GradeScale(t[0], t[1], t[2], t[3]);
    }

    private TemperatureScale temperature(JsonNode in) {
        if (!in.isObject()) {
            errors.add(new FieldError("temperature", "must be an object with hot and warm"));
            return null;
        }
        unknownKeys(in, Set.of("hot", "warm"), "temperature.");
        double hot = required(in, "hot", "temperature");
        double warm = required(in, "warm", "temperature");
        if (warm >= hot) {
            errors.add(new FieldError("temperature.warm", "must be below hot"));
        }
        return new TemperatureScale(hot, warm);
    }

    private List<StageRule> stageRules(JsonNode in) {
        if (!in.isArray()) {
            errors.add(new FieldError("stageRules", "must be a list of stage rules"));
            return List.of();
        }
        List<StageRule> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            String path = "stageRules[" + i + "]";
            JsonNode rule = in.get(i);
            if (!rule.isObject()) {
                errors.add(new FieldError(path, "must be an object with stage and when"));
                continue;
            }
            unknownKeys(rule, Set.of("stage", "when", "allowFrom"), path + ".");
            String stage = stage(rule.get("stage"), path + ".stage");
            JsonNode when = rule.get("when");
            if (when == null || !when.isObject() || when.isEmpty()) {
                errors.add(new FieldError(path + ".when", "must name at least one of minScore, minFitGrade, minEngagementScore, condition"));
                continue;
            }
            unknownKeys(when, Set.of("minScore", "minFitGrade", "minEngagementScore", "condition"), path + ".when.");
            Double minScore = when.has("minScore") ? number(when.get("minScore"), path + ".when.minScore", 0) : null;
            Double minEngagement = when.has("minEngagementScore")
                    ? number(when.get("minEngagementScore"), path + ".when.minEngagementScore", 0) : null;
            String grade = null;
            if (when.has("minFitGrade")) {
                grade = when.get("minFitGrade").asString("");
                if (!GradeScale.GRADES.contains(grade)) {
                    errors.add(new FieldError(path + ".when.minFitGrade", "must be one of A, B, C, D, F"));
                }
            }
            Condition condition = when.has("condition") ? condition(when.get("condition"), path + ".when.condition") : null;
            Set<String> allowFrom = new LinkedHashSet<>();
            JsonNode from = rule.get("allowFrom");
            if (from != null) {
                if (!from.isArray()) {
                    errors.add(new FieldError(path + ".allowFrom", "must be a list of stages"));
                } else {
                    for (int j = 0; j < from.size(); j++) {
                        allowFrom.add(stage(from.get(j), path + ".allowFrom[" + j + "]"));
                    }
                }
            }
            out.add(new StageRule(stage, minScore, grade, minEngagement, condition, when.get("condition"), allowFrom));
        }
        return out;
    }

    private String stage(JsonNode in, String path) {
        String stage = in != null && in.isString() ? in.asString() : null;
        if (stage == null || !LifecycleStages.isStage(stage)) {
            errors.add(new FieldError(path, "must be one of subscriber, lead, mql, sql, opportunity, customer, evangelist, churned"));
            return "subscriber";
        }
        return stage;
    }

    private double required(JsonNode in, String key, String path) {
        if (!in.has(key)) {
            errors.add(new FieldError(path + "." + key, "is required"));
            return 0;
        }
        return number(in.get(key), path + "." + key, 0);
    }

    private double number(JsonNode in, String path, double fallback) {
        if (in == null || !in.isNumber() || !Double.isFinite(in.asDouble())) {
            errors.add(new FieldError(path, "must be a number"));
            return fallback;
        }
        return in.asDouble();
    }

    private void unknownKeys(JsonNode in, Set<String> known, String prefix) {
        for (String key : in.propertyNames()) {
            if (!known.contains(key)) {
                errors.add(new FieldError(prefix + key, "is not a known field"));
            }
        }
    }

    /** The model as JSON, in the form {@link #read} accepts. */
    static ObjectNode write(ScoringModel model) {
        ObjectNode out = NODES.objectNode();
        out.put("version", model.version());
        ObjectNode cats = out.putObject("categories");
        for (Category c : Category.values()) {
            CategoryModel cm = model.category(c);
            ObjectNode node = cats.putObject(c.jsonName());
            node.put("weight", cm.weight());
            if (cm.cap() != null) {
                node.put("cap", cm.cap());
            }
            if (c == Category.RECENCY) {
                node.put("halfLifeDays", model.halfLifeDays());
            }
            ArrayNode rules = node.putArray("rules");
            for (ScoringRule r : cm.rules()) {
                ObjectNode rule = rules.addObject().put("name", r.name());
                switch (r) {
                    case ScoringRule.When w -> rule.put("points", w.points()).set("condition", w.source());
                    case ScoringRule.PerUnit p -> rule.put("metric", p.metric().jsonName()).put("pointsPerUnit", p.pointsPerUnit());
                }
            }
        }
        GradeScale g = model.grades();
        out.putObject("grades").put("A", g.a()).put("B", g.b()).put("C", g.c()).put("D", g.d());
        out.putObject("temperature").put("hot", model.temperature().hot()).put("warm", model.temperature().warm());
        ArrayNode stages = out.putArray("stageRules");
        for (StageRule r : model.stageRules()) {
            ObjectNode rule = stages.addObject().put("stage", r.stage());
            ObjectNode when = rule.putObject("when");
            if (r.minScore() != null) {
                when.put("minScore", r.minScore());
            }
            if (r.minFitGrade() != null) {
                when.put("minFitGrade", r.minFitGrade());
            }
            if (r.minEngagementScore() != null) {
                when.put("minEngagementScore", r.minEngagementScore());
            }
            if (r.conditionSource() != null) {
                when.set("condition", r.conditionSource());
            }
            if (!r.allowFrom().isEmpty()) {
                ArrayNode from = rule.putArray("allowFrom");
                r.allowFrom().forEach(from::add);
            }
        }
        return out;
    }
}
