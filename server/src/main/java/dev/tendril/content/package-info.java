/**
 * Content: message templates, the content blocks they include, the personalisation data they render
 * with, and previews (docs/templates.md).
 * <p>
 * Templates ({@code internal.TemplateCatalog}) are written per channel (email: subject, preheader,
 * HTML or MJML, text; SMS; push; webhook JSON) in Handlebars and versioned; blocks
 * ({@code internal.BlockLibrary}) are partials of the workspace's content library, static or dynamic
 * (variants chosen per recipient by conditions of the segment module's condition language, evaluated
 * in memory on snapshots loaded in batch). Every save is validated: syntax with line and column,
 * helpers, included blocks and cycles; data outside the personalisation data is a lint warning.
 * <p>
 * Rendering runs in a sandbox ({@code internal.SandboxEngine}): the model is read-only maps, lists
 * and scalars resolved by {@code MapValueResolver} alone, the helpers are a fixed set
 * ({@code internal.SandboxHelpers}), partials come from blocks loaded beforehand, and each render is
 * bounded in steps, time and output. {@code internal.PersonalizationLoader} gathers the data of many
 * contacts in a bounded number of queries through the contact and event modules' public APIs; message
 * engagement, preferences, recommendations and the weather come through this module's hooks
 * ({@link dev.tendril.content.EngagementHistory}, {@link dev.tendril.content.ContactPreferences},
 * {@link dev.tendril.content.ContentRecommendations}, {@link dev.tendril.content.WeatherProvider}),
 * which the channel and predict modules implement when they exist.
 * <p>
 * Other modules render through {@link dev.tendril.content.Templates}, which also tells whether a
 * template is usable (a journey must not send one that is not).
 * <p>
 * A/B experiments and bandits (docs/experiments.md): {@link dev.tendril.content.Experiments} assigns
 * each contact an arm deterministically (a stable hash of experiment and contact, or Thompson
 * sampling for a bandit, kept once given) and counts sends and outcomes once per contact; a
 * fixed-horizon test promotes a significant winner by itself and publishes
 * {@link dev.tendril.content.ExperimentWinnerPromoted}. The statistics are pure
 * ({@code internal.WilsonInterval}, {@code internal.TwoProportionZTest}, {@code internal.FixedHorizonDecision},
 * {@code internal.BetaPosteriors}). Optional AI proposals of subject lines and preheaders come from an
 * {@link dev.tendril.content.AiVariantProvider}, only for workspaces that configured one.
 */
package dev.tendril.content;
