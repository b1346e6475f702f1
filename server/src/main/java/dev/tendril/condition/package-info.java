/**
 * The condition language (docs/conditions.md): the one way Tendril says "which contacts", used by scoring rules,
 * segments, dynamic content and, later, journeys.
 * <p>
 * A {@link dev.tendril.condition.Condition} is a sealed tree (and, or, not, attribute comparisons, event occurrences,
 * lifecycle stage, subscription status, score, grade and temperature, list and segment membership) read from JSON
 * by {@link dev.tendril.condition.Conditions#parse}. It has two backends that agree on every condition (a property
 * test holds them to it): the in-memory evaluator over a {@link dev.tendril.condition.ContactSnapshot}
 * ({@code internal.EvaluateCondition}, pure) and the SQL compiler over a whole workspace ({@code internal.CompileCondition},
 * jOOQ without code generation). {@code internal.ComparisonKeys} is the one definition of how values compare.
 * <p>
 * It reads the tables of the modules below it (contacts, companies, subscriptions, events) directly: going through
 * them one contact at a time cannot meet the segment targets. What modules above it derive (scores; list and segment
 * memberships) it reads from the tables they declare at wiring time ({@link dev.tendril.condition.DerivedTable}), so
 * it never calls a module above it. {@link dev.tendril.condition.ConditionReads} says what a condition reads, which
 * decides which changes can affect it.
 */
package dev.tendril.condition;
