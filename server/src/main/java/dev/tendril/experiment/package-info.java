/**
 * A/B experiments and bandits (docs/experiments.md). {@link dev.tendril.experiment.Experiments} assigns each contact
 * an arm deterministically (a stable hash of experiment and contact, or Thompson sampling for a bandit, kept once
 * given) and counts sends and outcomes once per contact; a fixed-horizon test promotes a significant winner by itself
 * and publishes {@link dev.tendril.experiment.ExperimentWinnerPromoted}. The statistics are pure
 * ({@code internal.WilsonInterval}, {@code internal.TwoProportionZTest}, {@code internal.FixedHorizonDecision},
 * {@code internal.BetaPosteriors}). Optional AI proposals of subject lines and preheaders come from an
 * {@link dev.tendril.experiment.AiVariantProvider}, only for workspaces that configured one.
 */
package dev.tendril.experiment;
