package dev.tendril.condition;

import java.util.stream.Stream;

/**
 * What a condition reads, the index that decides which changes can affect it: contact data (fields, attributes,
 * company, subscriptions), the lifecycle stage (the stage test, or the {@code lifecycleStage} field), events, scores
 * (the numbers: score, fitScore, engagementScore), ratings (grade and temperature, which change far less often than
 * the numbers), list and segment memberships, and whether it is relative to now (a window or date that drifts with
 * time, so only a periodic recompute keeps it exact).
 */
public record ConditionReads(boolean contactData, boolean stage, boolean events, boolean scores, boolean ratings,
        boolean memberships, boolean timeRelative) {
    private static final ConditionReads NOTHING = new ConditionReads(false, false, false, false, false, false, false);

    public static ConditionReads of(Condition condition) {
        return switch (condition) {
            case Condition.And a -> merge(a.all().stream().map(ConditionReads::of));
            case Condition.Or o -> merge(o.any().stream().map(ConditionReads::of));
            case Condition.Not n -> of(n.condition());
            case Condition.Attribute a -> a.field().equals("lifecycleStage")
                    ? new ConditionReads(false, true, false, false, false, false, relative(a.comparison()))
                    : new ConditionReads(true, false, false, false, false, false, relative(a.comparison()));
            case Condition.Stage s -> new ConditionReads(false, true, false, false, false, false, false);
            case Condition.Subscription s -> new ConditionReads(true, false, false, false, false, false, false);
            case Condition.Score s -> new ConditionReads(false, false, false, true, false, false, false);
            case Condition.Grade g -> new ConditionReads(false, false, false, false, true, false, false);
            case Condition.Temperature t -> new ConditionReads(false, false, false, false, true, false, false);
            case Condition.InList l -> new ConditionReads(false, false, false, false, false, true, false);
            case Condition.InSegment s -> new ConditionReads(false, false, false, false, false, true, false);
            case Condition.Event e -> new ConditionReads(false, false, true, false, false, false,
                    relative(e.occurrence()) || e.where().stream().map(PropertyFilter::comparison).anyMatch(ConditionReads::relative));
        };
    }

    private static ConditionReads merge(Stream<ConditionReads> parts) {
        return parts.reduce(NOTHING, (x, y) -> new ConditionReads(x.contactData || y.contactData, x.stage || y.stage,
                x.events || y.events, x.scores || y.scores, x.ratings || y.ratings, x.memberships || y.memberships,
                x.timeRelative || y.timeRelative));
    }

    private static boolean relative(Comparison comparison) {
        return comparison.op() == Comparison.Op.ANNIVERSARY
                || comparison.operands().stream().anyMatch(o -> o instanceof DateBound.DaysAgo);
    }

    private static boolean relative(Occurrence occurrence) {
        Window window = switch (occurrence) {
            case Occurrence.Count c -> c.window();
            case Occurrence.First f -> f.window();
            case Occurrence.Last l -> l.window();
        };
        return switch (window) {
            case Window.WithinLast w -> true;
            case Window.Before b -> b.bound() instanceof DateBound.DaysAgo;
            case Window.After a -> a.bound() instanceof DateBound.DaysAgo;
            case Window.Ever e -> false;
            case Window.Between b -> false;
        };
    }
}
