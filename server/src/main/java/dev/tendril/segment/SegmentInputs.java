package dev.tendril.segment;

import java.util.Collection;

/**
 * What other modules tell segmentation that it cannot learn from an event it may listen to. Scoring
 * depends on segmentation (its rules are conditions), so segmentation cannot listen to
 * {@code ScoreChanged}; the scoring module calls this instead, in the transaction that stores the scores.
 * The channel module does the same for subscription changes.
 */
public interface SegmentInputs {
    /**
     * These contacts' stored scores changed: {@code rated} those whose grade or temperature changed too (or
     * were scored for the first time), {@code numbersOnly} the others. The segments reading scores
     * re-evaluate both once the caller's transaction commits; those reading only grade or temperature, the
     * rated ones (most changes move the numbers alone, and every workspace has hot, warm and cold segments).
     */
    void scoresChanged(long workspaceId, Collection<Long> rated, Collection<Long> numbersOnly);

    /**
     * These contacts' subscription status changed (the channel module, which cannot be listened to for
     * the same reason): the segments reading contact data re-evaluate them once the caller's transaction commits.
     */
    void subscriptionsChanged(long workspaceId, Collection<Long> contactIds);
}
