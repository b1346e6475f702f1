package dev.tendril.condition.internal;

import dev.tendril.condition.Condition;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * What a batch of snapshots must hold for some conditions: events (only of the names they test, when
 * every event test names one), scores, list and segment memberships, subscriptions. Contact and company fields are
 * always loaded.
 */
public record SnapshotNeeds(boolean events, Set<String> eventNames, boolean scores, boolean lists, boolean segments,
        boolean subscriptions) {
    public static SnapshotNeeds of(Collection<Condition> conditions) {
        Walk walk = new Walk();
        conditions.forEach(walk::visit);
        return new SnapshotNeeds(walk.events, walk.anyEvent ? Set.of() : Set.copyOf(walk.names), walk.scores, walk.lists, walk.segments,
                walk.subscriptions);
    }

    private static final class Walk {
        boolean events;
        boolean anyEvent;
        boolean scores;
        boolean lists;
        boolean segments;
        boolean subscriptions;
        final Set<String> names = new HashSet<>();

        void visit(Condition c) {
            switch (c) {
                case Condition.And and -> and.all().forEach(this::visit);
                case Condition.Or or -> or.any().forEach(this::visit);
                case Condition.Not not -> visit(not.condition());
                case Condition.Event e -> {
                    events = true;
                    if (e.name() == null) {
                        anyEvent = true;
                    } else {
                        names.add(e.name());
                    }
                }
                case Condition.Score s -> scores = true;
                case Condition.Grade g -> scores = true;
                case Condition.Temperature t -> scores = true;
                case Condition.InList l -> lists = true;
                case Condition.InSegment s -> segments = true;
                case Condition.Subscription s -> subscriptions = true;
                case Condition.Attribute a -> { }
                case Condition.Stage s -> { }
            }
        }
    }
}
