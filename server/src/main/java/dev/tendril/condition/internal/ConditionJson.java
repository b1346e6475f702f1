package dev.tendril.condition.internal;

import dev.tendril.condition.Comparison.Kind;
import dev.tendril.condition.Condition;
import dev.tendril.condition.ConditionLeaf;
import dev.tendril.condition.Occurrence.CountOp;
import dev.tendril.condition.Occurrence;
import dev.tendril.condition.PropertyFilter;
import dev.tendril.condition.Window;
import dev.tendril.contact.Subscriptions;
import dev.tendril.platform.Ids;
import dev.tendril.platform.JsonField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/** Reads the JSON form of the condition language (docs/conditions.md); errors name the JSON path. */
public final class ConditionJson {
    /** The lifecycle stages, as the contact module accepts them. */
    static final Set<String> STAGES = Set.of("subscriber", "lead", "mql", "sql", "opportunity", "customer", "evangelist", "churned");
    private static final Set<String> EVENT_TYPES = Set.of("track", "page", "screen", "identify", "group", "alias");
    /** The fit grades, best first, and the temperatures, as the scoring module gives them. */
    static final List<String> GRADES = List.of("A", "B", "C", "D", "F");
    static final List<String> TEMPERATURES = List.of("hot", "warm", "cold");
    /** The keys that read a contact's score: a scoring rule may not use them (its score would depend on itself). */
    public static final Set<String> SCORE_KEYS = Set.of("score", "fitScore", "engagementScore", "grade", "temperature");
    /** The keys that read list or segment membership. */
    public static final Set<String> MEMBERSHIP_KEYS = Set.of("inList", "inSegment");
    private static final List<String> KINDS = List.of("and", "or", "not", "attribute", "event", "stage", "score", "fitScore",
            "engagementScore", "grade", "temperature", "inList", "inSegment", "subscription");
    private static final Set<String> WINDOW_KEYS = Set.of("within", "between", "before", "after");
    private static final int MAX_DEPTH = 20;

    private ConditionJson() {}

    public static Condition parse(JsonNode node) {
        return condition(new JsonField(node, "condition"), 0);
    }

    private static Condition condition(JsonField in, int depth) {
        if (in.missing() || !in.node().isObject()) {
            throw in.error("must be a condition object");
        }
        if (depth > MAX_DEPTH) {
            throw in.error("is nested deeper than " + MAX_DEPTH + " levels");
        }
        List<String> kinds = KINDS.stream().filter(in::has).toList();
        if (kinds.size() != 1) {
            throw in.error("must have exactly one of " + String.join(", ", KINDS));
        }
        return switch (kinds.getFirst()) {
            case "and" -> new Condition.And(list(in.object(Set.of("and")).get("and"), depth));
            case "or" -> new Condition.Or(list(in.object(Set.of("or")).get("or"), depth));
            case "not" -> new Condition.Not(condition(in.object(Set.of("not")).get("not"), depth + 1));
            case "attribute" -> attribute(in.object(union(Set.of("attribute"), ComparisonJson.KEYS)));
            case "event" -> event(in.object(union(Set.of("event", "where", "count", "firstSeen", "lastSeen"), WINDOW_KEYS)));
            case "stage" -> stage(in.object(Set.of("stage")).get("stage"));
            case "grade" -> new Condition.Grade(oneOf(in.object(Set.of("grade")).get("grade"), GRADES, true));
            case "temperature" -> new Condition.Temperature(oneOf(in.object(Set.of("temperature")).get("temperature"), TEMPERATURES, false));
            case "inList" -> new Condition.InList(id(in.object(Set.of("inList")).get("inList"), Ids.LIST));
            case "inSegment" -> new Condition.InSegment(id(in.object(Set.of("inSegment")).get("inSegment"), Ids.SEGMENT));
            case "subscription" -> subscription(in.object(Set.of("subscription")).get("subscription"));
            default -> score(in, kinds.getFirst());
        };
    }

    /** Every leaf test of a valid condition (given at {@code path}), in document order. */
    public static List<ConditionLeaf> leaves(JsonNode condition, String path) {
        List<ConditionLeaf> out = new ArrayList<>();
        collect(condition, path, out);
        return out;
    }

    private static void collect(JsonNode condition, String path, List<ConditionLeaf> out) {
        String key = KINDS.stream().filter(condition::has).findFirst().orElseThrow();
        switch (key) {
            case "and", "or" -> {
                for (int i = 0; i < condition.get(key).size(); i++) {
                    collect(condition.get(key).get(i), path + "." + key + "[" + i + "]", out);
                }
            }
            case "not" -> collect(condition.get("not"), path + ".not", out);
            default -> out.add(new ConditionLeaf(key, condition.get(key), path + "." + key));
        }
    }

    private static Condition subscription(JsonField in) {
        if (in.missing() || !in.node().isObject()) {
            throw in.error("must be an object with channel and status");
        }
        JsonField form = in.object(Set.of("channel", "status"));
        return new Condition.Subscription(member(form.get("channel"), Subscriptions.CHANNELS),
                members(form.get("status"), Subscriptions.STATUSES));
    }

    private static long id(JsonField in, Ids type) {
        return type.parse(in.text()).orElseThrow(() -> in.error("must be an id such as " + type.format(1)));
    }

    private static List<Condition> list(JsonField in, int depth) {
        if (in.missing() || !in.node().isArray() || in.node().isEmpty()) {
            throw in.error("must be a non-empty list of conditions");
        }
        List<Condition> out = new ArrayList<>();
        for (int i = 0; i < in.node().size(); i++) {
            out.add(condition(in.at(i), depth + 1));
        }
        return out;
    }

    private static Condition attribute(JsonField in) {
        JsonField name = in.get("attribute");
        var ref = Fields.resolve(name.text()).orElseThrow(() -> name.error("is not a contact field, attributes.NAME, company.FIELD "
                + "or company.attributes.NAME"));
        Kind fixed = ref instanceof Fields.Column column ? column.kind() : null;
        return new Condition.Attribute(name.text(), ComparisonJson.parse(in, fixed));
    }

    private static Condition event(JsonField in) {
        JsonField event = in.get("event");
        String name;
        String type = null;
        if (!event.missing() && event.node().isObject()) {
            event.object(Set.of("name", "type"));
            name = event.has("name") ? event.get("name").text() : null;
            if (event.has("type")) {
                type = event.get("type").text();
                if (!EVENT_TYPES.contains(type)) {
                    throw event.get("type").error("must be one of " + String.join(", ", EVENT_TYPES.stream().sorted().toList()));
                }
            }
            if (name == null && type == null) {
                throw event.error("needs a name, a type or both");
            }
        } else {
            name = event.text();
        }
        List<PropertyFilter> where = new ArrayList<>();
        JsonField filters = in.get("where");
        if (!filters.missing()) {
            if (!filters.node().isArray()) {
                throw filters.error("must be a list of property filters");
            }
            for (int i = 0; i < filters.node().size(); i++) {
                where.add(filter(filters.at(i).object(union(Set.of("property"), ComparisonJson.KEYS))));
            }
        }
        return new Condition.Event(name, type, where, occurrence(in));
    }

    private static PropertyFilter filter(JsonField in) {
        JsonField property = in.get("property");
        List<String> path = Arrays.asList(property.text().split("\\.", -1));
        if (path.stream().anyMatch(String::isEmpty)) {
            throw property.error("must be a property name; nested properties are joined by dots, as in product.sku");
        }
        return new PropertyFilter(path, ComparisonJson.parse(in, null));
    }

    private static Occurrence occurrence(JsonField in) {
        boolean first = in.has("firstSeen");
        boolean last = in.has("lastSeen");
        if (first || last) {
            if (first && last || in.has("count") || WINDOW_KEYS.stream().anyMatch(in::has)) {
                throw in.error("takes either firstSeen, lastSeen, or a count with a window");
            }
            JsonField seen = in.get(first ? "firstSeen" : "lastSeen").object(WINDOW_KEYS);
            return first ? new Occurrence.First(window(seen)) : new Occurrence.Last(window(seen));
        }
        CountOp op = CountOp.AT_LEAST;
        int n = 1;
        if (in.has("count")) {
            JsonField count = in.get("count").object(Set.of("op", "value"));
            JsonField opNode = count.get("op");
            op = switch (opNode.text()) {
                case "at_least" -> CountOp.AT_LEAST;
                case "at_most" -> CountOp.AT_MOST;
                case "exactly" -> CountOp.EXACTLY;
                default -> throw opNode.error("must be one of at_least, at_most, exactly");
            };
            JsonField value = count.get("value");
            if (value.missing() || !value.node().isIntegralNumber() || !value.node().canConvertToInt() || value.node().intValue() < 0) {
                throw value.error("must be a whole number of 0 or more");
            }
            n = value.node().intValue();
        }
        return new Occurrence.Count(op, n, window(in));
    }

    /** At most one of within / between / before / after; none means ever. */
    private static Window window(JsonField in) {
        List<String> keys = WINDOW_KEYS.stream().filter(in::has).sorted().toList();
        if (keys.size() > 1) {
            throw in.error("takes one window of within, between, before, after; not " + String.join(" and ", keys));
        }
        if (keys.isEmpty()) {
            return new Window.Ever();
        }
        JsonField w = in.get(keys.getFirst());
        return switch (keys.getFirst()) {
            case "within" -> new Window.WithinLast(JsonDates.days(w.object(Set.of("days")).get("days")));
            case "between" -> {
                w.object(Set.of("from", "to"));
                Window.Between between = new Window.Between(JsonDates.day(w.get("from")), JsonDates.day(w.get("to")));
                if (between.to().isBefore(between.from())) {
                    throw w.get("to").error("must not be before from");
                }
                yield between;
            }
            case "before" -> new Window.Before(JsonDates.dateBound(w));
            default -> new Window.After(JsonDates.dateBound(w));
        };
    }

    private static Condition stage(JsonField in) {
        List<JsonField> items = new ArrayList<>();
        if (!in.missing() && in.node().isArray() && !in.node().isEmpty()) {
            for (int i = 0; i < in.node().size(); i++) {
                items.add(in.at(i));
            }
        } else if (!in.missing() && in.node().isString()) {
            items.add(in);
        } else {
            throw in.error("must be a stage or a non-empty list of stages");
        }
        Set<String> stages = new LinkedHashSet<>();
        for (JsonField item : items) {
            String stage = item.text();
            if (!STAGES.contains(stage)) {
                throw item.error("must be one of " + String.join(", ", STAGES.stream().sorted().toList()));
            }
            stages.add(stage);
        }
        return new Condition.Stage(stages);
    }

    private static Condition score(JsonField in, String key) {
        Condition.Score.Measure measure = Stream.of(Condition.Score.Measure.values()).filter(m -> m.jsonName().equals(key))
                .findFirst().orElseThrow();
        return new Condition.Score(measure, ComparisonJson.parse(in.object(Set.of(key)).get(key).object(ComparisonJson.KEYS), Kind.NUMBER));
    }

    /**
     * {@code "A"}, {@code ["A", "B"]} or {@code {"in": ["A", "B"]}}; for grades (ordered best first)
     * also {@code {"atLeast": "B"}}, meaning A or B.
     */
    private static Set<String> oneOf(JsonField in, List<String> allowed, boolean ordered) {
        if (!in.missing() && in.node().isObject()) {
            JsonField form = in.object(ordered ? Set.of("in", "atLeast") : Set.of("in"));
            if (form.has("atLeast") == form.has("in")) {
                throw in.error(ordered ? "takes one of in, atLeast" : "takes in");
            }
            if (form.has("atLeast")) {
                int worst = allowed.indexOf(member(form.get("atLeast"), allowed));
                return new LinkedHashSet<>(allowed.subList(0, worst + 1));
            }
            JsonField list = form.get("in");
            if (list.missing() || !list.node().isArray()) {
                throw list.error("must be a non-empty list of " + String.join(", ", allowed));
            }
            return members(list, allowed);
        }
        return members(in, allowed);
    }

    private static Set<String> members(JsonField in, List<String> allowed) {
        Set<String> out = new LinkedHashSet<>();
        if (!in.missing() && in.node().isArray() && !in.node().isEmpty()) {
            for (int i = 0; i < in.node().size(); i++) {
                out.add(member(in.at(i), allowed));
            }
        } else if (!in.missing() && in.node().isString()) {
            out.add(member(in, allowed));
        } else {
            throw in.error("must be one or a non-empty list of " + String.join(", ", allowed));
        }
        return out;
    }

    private static String member(JsonField in, List<String> allowed) {
        String value = in.text();
        if (!allowed.contains(value)) {
            throw in.error("must be one of " + String.join(", ", allowed));
        }
        return value;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return out;
    }
}
