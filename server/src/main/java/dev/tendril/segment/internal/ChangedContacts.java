package dev.tendril.segment.internal;

import dev.tendril.condition.ConditionReads;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Changed contacts of one workspace in one round, by what changed about them; decides which of them a segment must
 * re-evaluate. However many changes of a contact the round claimed, a segment re-evaluates it once.
 */
final class ChangedContacts {
    private final Map<ChangeKind, Set<Long>> byKind = new EnumMap<>(ChangeKind.class);

    void add(ChangeKind kind, Iterable<Long> contactIds) {
        Set<Long> ids = byKind.computeIfAbsent(kind, r -> new TreeSet<>());
        contactIds.forEach(ids::add);
    }

    /** How many changes: at least the number of contacts (one changed in two ways counts twice). */
    int size() {
        return byKind.values().stream().mapToInt(Set::size).sum();
    }

    /** Those of the changed contacts whose change the segment reads, in id order. */
    Set<Long> affecting(ConditionReads segment) {
        Set<Long> out = new TreeSet<>();
        byKind.forEach((kind, ids) -> {
            if (kind.affects(segment)) {
                out.addAll(ids);
            }
        });
        return out;
    }
}
