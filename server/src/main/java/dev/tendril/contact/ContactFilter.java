package dev.tendril.contact;

import java.util.Map;

/** What a contact list is narrowed to; null parts do not filter. {@code query} matches names and email. */
public record ContactFilter(String email, String externalId, String query, String companyId, String lifecycleStage,
        Map<String, String> attributes) {
    public static ContactFilter none() {
        return new ContactFilter(null, null, null, null, null, Map.of());
    }
}
