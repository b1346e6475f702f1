/**
 * Lead scoring and lifecycle stages (docs/scoring.md).
 * <p>
 * A versioned scoring model per workspace gives points by category (demographics, firmographics,
 * behaviour, engagement, recency, predictive), each rule a condition of the segment language or, for
 * behaviour, points per unit of a behaviour counter. Contacts are rescored after every committed event
 * batch ({@link dev.tendril.event.ContactsChanged}), after every edit through the contact API
 * ({@link dev.tendril.contact.ContactsEdited}) and, in the background, after a model change. Score
 * changes reach segmentation through {@link dev.tendril.segment.SegmentInputs} (segmentation cannot
 * listen to this module's events: this module depends on it). It implements
 * {@link dev.tendril.segment.ContactScores} for segmentation's in-memory backend.
 * Real changes publish {@link dev.tendril.scoring.ScoreChanged}, {@link dev.tendril.scoring.GradeChanged},
 * {@link dev.tendril.scoring.TemperatureChanged}, {@link dev.tendril.scoring.ScoreThresholdCrossed} and
 * {@link dev.tendril.scoring.StageChanged}. The predictive category is filled through
 * {@link dev.tendril.scoring.PredictiveScore}. The maths is pure ({@code internal.ScoreCalculator},
 * {@code internal.StageRules}, {@code internal.Recommendations}); the rest stores and schedules it.
 */
package dev.tendril.scoring;
