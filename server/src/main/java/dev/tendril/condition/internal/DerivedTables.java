package dev.tendril.condition.internal;

import dev.tendril.condition.DerivedTable;
import java.util.List;
import org.springframework.stereotype.Component;

/** The derived tables the modules above declared (one of each kind), for the compiler and the snapshot loader. */
@Component
public class DerivedTables {
    private final DerivedTable.Scores scores;
    private final DerivedTable.Memberships lists;
    private final DerivedTable.Memberships segments;

    public DerivedTables(List<DerivedTable> declared) {
        this.scores = one(declared, DerivedTable.Scores.class, null);
        this.lists = one(declared, DerivedTable.Memberships.class, DerivedTable.Memberships.Of.LISTS);
        this.segments = one(declared, DerivedTable.Memberships.class, DerivedTable.Memberships.Of.SEGMENTS);
    }

    DerivedTable.Scores scores() {
        return require(scores, "scores");
    }

    DerivedTable.Memberships lists() {
        return require(lists, "list memberships");
    }

    DerivedTable.Memberships segments() {
        return require(segments, "segment memberships");
    }

    private static <T extends DerivedTable> T one(List<DerivedTable> declared, Class<T> type, DerivedTable.Memberships.Of of) {
        List<T> found = declared.stream().filter(type::isInstance).map(type::cast)
                .filter(t -> of == null || ((DerivedTable.Memberships) t).of() == of).toList();
        if (found.size() > 1) {
            throw new IllegalStateException("more than one derived table declared for " + found);
        }
        return found.isEmpty() ? null : found.getFirst();
    }

    private static <T> T require(T table, String what) {
        if (table == null) {
            throw new IllegalStateException("no module declares the table of " + what + " conditions read (a DerivedTable bean)");
        }
        return table;
    }
}
