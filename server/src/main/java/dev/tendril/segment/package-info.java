/**
 * Segmentation's condition language and its two backends (docs/conditions.md).
 * <p>
 * A {@link dev.tendril.segment.Condition} is a sealed tree (and, or, not, attribute comparisons,
 * event occurrences, lifecycle stage, score, grade and temperature, list and segment membership, subscription status) parsed from JSON by {@link dev.tendril.segment.Conditions#parse}.
 * It is evaluated in memory for one contact ({@code internal.EvaluateCondition}, pure, over a
 * {@link dev.tendril.segment.ContactSnapshot} loaded through the contact and event modules' public
 * APIs, and its score through {@link dev.tendril.segment.ContactScores}, which the scoring module
 * implements: scoring depends on this module, so this module never calls scoring) and compiled to SQL for a whole workspace ({@code internal.CompileCondition}, jOOQ without code
 * generation). {@code internal.Values} is the one definition of how values compare, and every compiled
 * predicate is two-valued, so the backends agree; a property test over random contacts, events and
 * conditions holds them to it.
 * <p>
 * The batch backend ({@code internal.SegmentQueries}) reads the {@code contact}, {@code company},
 * {@code event} and scoring's {@code contact_score} tables directly: going through the owning modules
 * one contact at a time cannot meet the segment recompute targets. It only reads, and only what the
 * conditions name; a contact without a {@code contact_score} row is read as
 * {@link dev.tendril.segment.ContactScore#UNSCORED}, as in memory.
 * <p>
 * Dynamic segments and static lists ({@code /api/v1/segments}, {@code /api/v1/lists}) keep their
 * membership in tables; how it stays current (real time, periodic recompute) is described in
 * {@code docs/segments.md}. Entries and exits are published as {@link dev.tendril.segment.SegmentEntered}
 * and {@link dev.tendril.segment.SegmentExited}.
 * <p>
 * Subscription statuses come through {@link dev.tendril.segment.ContactSubscriptions}, implemented by the
 * channel module, which reports changes through {@link dev.tendril.segment.SegmentInputs}; the batch
 * backend reads its {@code contact_subscription} table directly, as it reads {@code contact_score}.
 */
package dev.tendril.segment;
