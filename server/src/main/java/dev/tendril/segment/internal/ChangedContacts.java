package dev.tendril.segment.internal;

import dev.tendril.segment.internal.PendingStore.Reads;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Changed contacts of one workspace, by what changed about them; decides which of them a segment must re-evaluate. */
final class ChangedContacts {
    private final Map<Reads, Set<Long>> byReads = new EnumMap<>(Reads.class);

    void add(Reads reads, Iterable<Long> contactIds) {
        Set<Long> ids = byReads.computeIfAbsent(reads, r -> new TreeSet<>());
        contactIds.forEach(ids::add);
    }

    /** How many changes: at least the number of contacts (one changed in two ways counts twice). */
    int size() {
        return byReads.values().stream().mapToInt(Set::size).sum();
    }

    /** Those of the changed contacts whose change the segment reads, in id order. */
    Set<Long> affecting(SegmentReads segment) {
        Set<Long> out = new TreeSet<>();
        byReads.forEach((reads, ids) -> {
            if (readBy(reads, segment)) {
                out.addAll(ids);
            }
        });
        return out;
    }

    /** Whether a segment reading these things can be changed by a change of this kind. */
    private static boolean readBy(Reads change, SegmentReads segment) {
        return switch (change) {
            case ALL -> segment.contactData() || segment.events();
            case EVENTS -> segment.events();
            case CONTACT_DATA -> segment.contactData();
            case SCORES -> segment.scores() || segment.ratings();
            case SCORE_NUMBERS -> segment.scores();
            case MEMBERSHIPS -> segment.memberships();
        };
    }
}
