package dev.tendril.segment.internal;

import dev.tendril.segment.Comparison;
import dev.tendril.segment.Condition;
import dev.tendril.segment.DateBound;
import dev.tendril.segment.Occurrence;
import dev.tendril.segment.PropertyFilter;
import dev.tendril.segment.Window;
import java.util.stream.Stream;

/**
 * What a condition reads, the index that decides which segments a change can affect: contact data
 * (fields, attributes, company, stage, subscriptions), events, scores (the numbers: score, fitScore,
 * engagementScore), ratings (grade and temperature, which change far less often than the numbers), list
 * and segment memberships, and whether it is relative to now (a window or date that drifts with time, so
 * only a periodic recompute keeps it exact).
 */
public record SegmentReads(boolean contactData, boolean events, boolean scores, boolean ratings, boolean memberships,
        boolean timeRelative) {
    public static SegmentReads of(Condition condition) {
        return switch (condition) {
            case Condition.And a -> merge(a.all().stream().map(SegmentReads::of));
            case Condition.Or o -> merge(o.any().stream().map(SegmentReads::of));
            case Condition.Not n -> of(n.condition());
            case Condition.Attribute a -> new SegmentReads(true, false, false, false, false, relative(a.comparison()));
            case Condition.Stage s -> new SegmentReads(true, false, false, false, false, false);
            // Subscription changes are noted as contact data (SegmentInputs.subscriptionsChanged).
            case Condition.Subscription s -> new SegmentReads(true, false, false, false, false, false);
            case Condition.Score s -> new SegmentReads(false, false, true, false, false, false);
            case Condition.Grade g -> new SegmentReads(false, false, false, true, false, false);
            case Condition.Temperature t -> new SegmentReads(false, false, false, true, false, false);
            case Condition.InList l -> new SegmentReads(false, false, false, false, true, false);
            case Condition.InSegment s -> new SegmentReads(false, false, false, false, true, false);
            case Condition.Event e -> new SegmentReads(false, true, false, false, false,
                    relative(e.occurrence()) || e.where().stream().map(PropertyFilter::comparison).anyMatch(SegmentReads::relative));
        };
    }

    private static SegmentReads merge(Stream<SegmentReads> parts) {
        return parts.reduce(new SegmentReads(false, false, false, false, false, false), (x, y) -> new SegmentReads(x.contactData || y.contactData,
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
