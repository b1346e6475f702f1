package dev.tendril.segment.internal;

import dev.tendril.condition.ConditionReads;

/**
 * What changed about contacts noted for re-evaluation ({@code segment_pending.reads} holds {@link #column}), and so
 * which segments must look at them: only those whose conditions read it.
 */
enum ChangeKind {
    /** An ingested batch that created, identified or gave traits to the contact: its events and its own data. */
    ALL("all"),
    /** An ingested batch that only added events (and what is folded from them). */
    EVENTS("events"),
    /** An edit through the contact API or an import, a company edit, or a consent change (the stage may be among them). */
    CONTACT_DATA("contactData"),
    /** A move to another lifecycle stage. */
    STAGE("stage"),
    /** A score with its grade or temperature, or a first score. */
    SCORES("scores"),
    /** Only the score numbers, which segments reading ratings alone can ignore. */
    SCORE_NUMBERS("scoreNumbers"),
    /** The contact entered or left a static list or a segment. */
    MEMBERSHIPS("memberships");

    final String column;

    ChangeKind(String column) {
        this.column = column;
    }

    static ChangeKind of(String column) {
        for (ChangeKind k : values()) {
            if (k.column.equals(column)) {
                return k;
            }
        }
        throw new IllegalArgumentException(column);
    }

    /** Whether a segment reading these things can be changed by a change of this kind. */
    boolean affects(ConditionReads segment) {
        return switch (this) {
            case ALL -> segment.contactData() || segment.stage() || segment.events();
            case EVENTS -> segment.events();
            case CONTACT_DATA -> segment.contactData() || segment.stage();
            case STAGE -> segment.stage();
            case SCORES -> segment.scores() || segment.ratings();
            case SCORE_NUMBERS -> segment.scores();
            case MEMBERSHIPS -> segment.memberships();
        };
    }
}
