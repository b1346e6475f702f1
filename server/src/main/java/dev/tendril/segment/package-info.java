/**
 * Dynamic segments and static lists ({@code /api/v1/segments}, {@code /api/v1/lists}; docs/segments.md).
 * <p>
 * A segment is a condition ({@code dev.tendril.condition}) whose members are kept in a table. Segments listen: the
 * changes the modules below publish (event batches, contact and company edits, stage moves, consent, scores) are
 * noted in the changing transaction with what changed ({@code internal.PendingChanges}), and a worker re-evaluates
 * each changed contact once per round for the segments reading that kind of change ({@code internal.ReevaluateChanged}).
 * Time-relative segments are recomputed periodically. Entries and exits are published as
 * {@link dev.tendril.segment.SegmentEntered} and {@link dev.tendril.segment.SegmentExited}. Its membership tables are
 * where conditions read {@code inList} and {@code inSegment} ({@code internal.MembershipTables});
 * {@link dev.tendril.segment.ConditionReferences} checks the lists and segments a stored condition names.
 */
package dev.tendril.segment;
