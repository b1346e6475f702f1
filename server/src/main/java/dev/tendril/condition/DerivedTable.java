package dev.tendril.condition;

import java.util.Objects;

/**
 * A table in which a module above this one keeps what it derives about contacts and conditions read: the scoring
 * module's scores (score, grade, temperature), the segment module's static-list and segment memberships. That module
 * declares its table as a bean, so the condition language learns where to read at wiring time; both backends then
 * read it with this module's own SQL (the compiler joins it, snapshots load it). Nothing calls a module above this
 * one, and nothing is copied. Every such table has {@code workspace_id} and {@code contact_id} columns.
 */
public sealed interface DerivedTable {
    /** One row per scored contact; a contact without one reads as {@link ContactSnapshot.Scores#UNSCORED}. */
    record Scores(String table, String score, String fitScore, String engagementScore, String grade, String temperature)
            implements DerivedTable {
        public Scores {
            Objects.requireNonNull(table);
        }
    }

    /** One row per contact and list (or segment) it is in; {@code setColumn} holds the list's or segment's id. */
    record Memberships(Of of, String table, String setColumn) implements DerivedTable {
        public enum Of { LISTS, SEGMENTS }
    }
}
