package dev.tendril.experiment;

/**
 * The arm a contact gets. In the holdout, {@code holdout} is true and everything else is null: send
 * nothing. Otherwise {@code variant} is the variant's key and each override is null where the
 * variant keeps the message's own content ({@code templateId} names a template of the content module).
 */
public record VariantAssignment(String experimentId, String contactId, boolean holdout, String variant, String name,
        String subject, String preheader, String html, String text, String templateId) {}
