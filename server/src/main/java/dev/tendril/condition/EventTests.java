package dev.tendril.condition;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * The event tests of some conditions, evaluated for every contact of a workspace at once as of
 * {@link #asOf} ({@link Conditions#eventTests}): one pass over the workspace's events instead of index
 * probes per contact and test, for work that visits the whole workspace (a rescore after a model edit).
 * Each test keeps the sorted ids of the contacts whose truth differs from a contact without events.
 */
public final class EventTests {
    /** A test's truth for a contact with no matching events, and the contacts for which it is the opposite. */
    public record Truth(boolean withoutEvents, long[] otherwise) {
        boolean holds(long contactId) {
            return withoutEvents != Arrays.binarySearch(otherwise, contactId) >= 0;
        }
    }

    public static final EventTests NONE = new EventTests(Instant.EPOCH, Map.of());

    private final Instant asOf;
    private final Map<Condition.Event, Truth> truths;

    public EventTests(Instant asOf, Map<Condition.Event, Truth> truths) {
        this.asOf = asOf;
        this.truths = Map.copyOf(truths);
    }

    /** The instant the tests' windows were resolved against; events committed before it are counted. */
    public Instant asOf() {
        return asOf;
    }

    public boolean covers(Condition.Event test) {
        return truths.containsKey(test);
    }

    /** Whether a covered test holds for the contact. */
    public boolean holds(Condition.Event test, long contactId) {
        return truths.get(test).holds(contactId);
    }
}
