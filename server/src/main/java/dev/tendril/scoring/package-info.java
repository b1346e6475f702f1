/**
 * Lead scoring (docs/scoring.md).
 * <p>
 * A versioned scoring model per workspace gives points by category (demographics, firmographics,
 * behaviour, engagement, recency, predictive), each rule a condition or, for behaviour, points per unit of a
 * behaviour counter. Contacts are rescored after every committed event batch
 * ({@link dev.tendril.event.ContactsChanged}), edit ({@link dev.tendril.contact.ContactsEdited},
 * {@link dev.tendril.contact.CompanyEdited}), stage move ({@link dev.tendril.contact.StageChanged}) and consent change
 * ({@link dev.tendril.contact.SubscriptionChanged}) and, in the background, after a model change. Real changes publish
 * {@link dev.tendril.scoring.ScoreChanged}, {@link dev.tendril.scoring.GradeChanged},
 * {@link dev.tendril.scoring.TemperatureChanged} and {@link dev.tendril.scoring.ScoreThresholdCrossed} in the
 * rescoring transaction; automatic lifecycle-stage moves are decided by the model's stage rules and applied through
 * {@link dev.tendril.contact.LifecycleStages}. Its {@code contact_score} table is where conditions read scores
 * ({@code internal.ScoreTable}). The maths is pure ({@code internal.ScoreCalculator}, {@code internal.StageRules},
 * {@code internal.Recommendations}); the rest stores and schedules it.
 */
package dev.tendril.scoring;
