package dev.tendril.contact;

import java.util.Map;

/**
 * Parsed, validated changes to one contact. A key mapped to {@code null} clears that field or
 * removes that attribute; absent keys stay as they are.
 */
public record ContactChanges(Map<ContactField, Object> fields, Map<String, Object> attributes, Identity identity,
        CompanyRef company) {

    /** The external id, when the input names one ({@code externalId} in the API, {@code userId} in Segment). */
    public record Identity(String externalId) {}

    /** Which company the contact belongs to: an existing one by id, or one found or made by its traits. */
    public sealed interface CompanyRef {
        record ById(long companyId) implements CompanyRef {}
        record ByTraits(Map<String, Object> traits) implements CompanyRef {}
        record None() implements CompanyRef {}
    }

    public boolean isEmpty() {
        return fields.isEmpty() && attributes.isEmpty() && identity == null && company == null;
    }

    public Object email() {
        return fields.get(ContactField.EMAIL);
    }
}
