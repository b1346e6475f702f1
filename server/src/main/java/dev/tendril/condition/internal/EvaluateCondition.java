package dev.tendril.condition.internal;

import dev.tendril.condition.Condition.And;
import dev.tendril.condition.Condition.Attribute;
import dev.tendril.condition.Condition.Event;
import dev.tendril.condition.Condition.Not;
import dev.tendril.condition.Condition.Or;
import dev.tendril.condition.Condition.Stage;
import dev.tendril.condition.Condition;
import dev.tendril.condition.ContactSnapshot.SnapshotEvent;
import dev.tendril.condition.ContactSnapshot;
import dev.tendril.condition.Occurrence;
import dev.tendril.condition.PropertyFilter;
import dev.tendril.condition.Window.Range;
import dev.tendril.contact.Subscriptions;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Evaluates a condition for one contact in memory: the real-time backend. Pure; no I/O. */
public final class EvaluateCondition {
    private EvaluateCondition() {}

    public static boolean evaluate(Condition condition, ContactSnapshot contact, Instant now) {
        return switch (condition) {
            case And and -> and.all().stream().allMatch(c -> evaluate(c, contact, now));
            case Or or -> or.any().stream().anyMatch(c -> evaluate(c, contact, now));
            case Not not -> !evaluate(not.condition(), contact, now);
            case Attribute a -> EvaluateComparison.test(a.comparison(), value(a.field(), contact), now);
            case Event e -> event(e, contact, now);
            case Stage s -> contact.fields().get("lifecycleStage") instanceof String stage && s.in().contains(stage);
            case Condition.Score s -> EvaluateComparison.test(s.comparison(), switch (s.measure()) {
                case SCORE -> contact.scores().score();
                case FIT_SCORE -> contact.scores().fitScore();
                case ENGAGEMENT_SCORE -> contact.scores().engagementScore();
            }, now);
            case Condition.Grade g -> g.in().contains(contact.scores().grade());
            case Condition.Temperature t -> t.in().contains(contact.scores().temperature());
            case Condition.InList l -> contact.lists().contains(l.listId());
            case Condition.InSegment s -> contact.segments().contains(s.segmentId());
            case Condition.Subscription s -> s.in().contains(contact.subscriptions().getOrDefault(s.channel(), Subscriptions.NONE));
        };
    }

    private static Object value(String field, ContactSnapshot contact) {
        return switch (Fields.require(field)) {
            case Fields.Column column -> contact.fields().get(column.name());
            case Fields.Custom custom -> (custom.onCompany() ? contact.companyAttributes() : contact.attributes()).get(custom.name());
        };
    }

    private static boolean event(Event e, ContactSnapshot contact, Instant now) {
        List<Instant> times = contact.events().stream().filter(ev -> matches(e, ev, now)).map(SnapshotEvent::occurredAt).toList();
        return switch (e.occurrence()) {
            case Occurrence.Count count -> {
                Range range = count.window().range(now);
                long n = times.stream().filter(range::contains).count();
                yield switch (count.op()) {
                    case AT_LEAST -> n >= count.n();
                    case AT_MOST -> n <= count.n();
                    case EXACTLY -> n == count.n();
                };
            }
            case Occurrence.First first -> times.stream().min(Instant::compareTo).map(first.window().range(now)::contains).orElse(false);
            case Occurrence.Last last -> times.stream().max(Instant::compareTo).map(last.window().range(now)::contains).orElse(false);
        };
    }

    private static boolean matches(Event e, SnapshotEvent ev, Instant now) {
        if (e.name() != null && !e.name().equals(ev.name()) || e.type() != null && !e.type().equals(ev.type())) {
            return false;
        }
        for (PropertyFilter filter : e.where()) {
            if (!EvaluateComparison.test(filter.comparison(), property(ev.properties(), filter.path()), now)) {
                return false;
            }
        }
        return true;
    }

    private static Object property(Map<String, Object> properties, List<String> path) {
        Object value = properties;
        for (String key : path) {
            value = value instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return value;
    }
}
