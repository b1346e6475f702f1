/**
 * Content: message templates, the content blocks they include, the personalisation data they render
 * with, and previews (docs/templates.md).
 * <p>
 * Templates ({@code internal.TemplateCatalog}) are written per channel (email: subject, preheader,
 * HTML or MJML, text; SMS; push; webhook JSON) in Handlebars and versioned; blocks
 * ({@code internal.BlockLibrary}) are partials of the workspace's content library, static or dynamic
 * (variants chosen per recipient by conditions, evaluated in memory on snapshots loaded in batch). Every save is
 * validated: syntax with line and column, helpers, included blocks and cycles; data outside the personalisation
 * data is a lint warning.
 * <p>
 * Rendering runs in a sandbox ({@code internal.SandboxEngine}): the model is read-only maps, lists
 * and scalars resolved by {@code MapValueResolver} alone, the helpers are a fixed set
 * ({@code internal.SandboxHelpers}), partials come from blocks loaded beforehand, and each render is
 * bounded in steps, time and output. {@code internal.PersonalizationLoader} gathers the data of many
 * contacts in a bounded number of queries through the public APIs of the modules below; what only modules above
 * know (message engagement, recommendations) the sender passes with the render
 * ({@link dev.tendril.content.RenderInputs}). The weather comes from a {@link dev.tendril.content.WeatherProvider}.
 * <p>
 * Other modules render through {@link dev.tendril.content.Templates}, which also tells whether a
 * template is usable (a journey must not send one that is not).
 */
package dev.tendril.content;
