package dev.tendril.condition;

import java.util.List;
import java.util.Set;

/**
 * A segment condition: a tree of boolean operators over attribute, event, stage, score and membership tests. Parsed from
 * JSON by {@link Conditions#parse}; the language is described in {@code docs/conditions.md}.
 */
public sealed interface Condition {
    record And(List<Condition> all) implements Condition {
        public And {
            all = List.copyOf(all);
        }
    }

    record Or(List<Condition> any) implements Condition {
        public Or {
            any = List.copyOf(any);
        }
    }

    record Not(Condition condition) implements Condition {}

    /**
     * A contact field ({@code title}), a custom attribute ({@code attributes.seats}), a company field
     * ({@code company.employees}) or a company attribute ({@code company.attributes.tier}) compared.
     */
    record Attribute(String field, Comparison comparison) implements Condition {}

    /**
     * Events of a name and/or type ({@code null} matches any), each property filter holding, counted or
     * looked at by first or last occurrence.
     */
    record Event(String name, String type, List<PropertyFilter> where, Occurrence occurrence) implements Condition {
        public Event {
            where = List.copyOf(where);
        }
    }

    /** The contact's lifecycle stage is one of these. */
    record Stage(Set<String> in) implements Condition {
        public Stage {
            in = Set.copyOf(in);
        }
    }

    /**
     * One of the contact's scores compared (numbers). A contact never scored counts as 0 on each
     * (see {@link ContactScore#UNSCORED}).
     */
    record Score(Measure measure, Comparison comparison) implements Condition {
        public enum Measure {
            SCORE("score"), FIT_SCORE("fitScore"), ENGAGEMENT_SCORE("engagementScore");

            private final String jsonName;

            Measure(String jsonName) {
                this.jsonName = jsonName;
            }

            public String jsonName() {
                return jsonName;
            }
        }
    }

    /** The contact's fit grade is one of these (A, B, C, D, F; F for a contact never scored). */
    record Grade(Set<String> in) implements Condition {
        public Grade {
            in = Set.copyOf(in);
        }
    }

    /** The contact's temperature is one of these (hot, warm, cold; cold for a contact never scored). */
    record Temperature(Set<String> in) implements Condition {
        public Temperature {
            in = Set.copyOf(in);
        }
    }

    /**
     * The contact's subscription status on a channel is one of these ({@link Subscriptions#STATUSES};
     * {@code none} when nothing is stored for the channel).
     */
    record Subscription(String channel, Set<String> in) implements Condition {
        public Subscription {
            in = Set.copyOf(in);
        }
    }

    /** The contact is a member of this static list (an id of {@code contact_list}). */
    record InList(long listId) implements Condition {}

    /** The contact is currently a member of this dynamic segment. */
    record InSegment(long segmentId) implements Condition {}
}
