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

    /** Those of the changed contacts whose change the segment reads, in id order. */
    Set<Long> affecting(SegmentReads segment) {
        Set<Long> out = new TreeSet<>();
        if (segment.contactData() || segment.events()) {
            out.addAll(get(Reads.ALL));
        }
        if (segment.events()) {
            out.addAll(get(Reads.EVENTS));
        }
        if (segment.contactData()) {
            out.addAll(get(Reads.CONTACT_DATA));
        }
        if (segment.scores() || segment.ratings()) {
            out.addAll(get(Reads.SCORES));
        }
        if (segment.scores()) {
            out.addAll(get(Reads.SCORE_NUMBERS));
        }
        if (segment.memberships()) {
            out.addAll(get(Reads.MEMBERSHIPS));
        }
        return out;
    }

    private Set<Long> get(Reads reads) {
        return byReads.getOrDefault(reads, Set.of());
    }
}
