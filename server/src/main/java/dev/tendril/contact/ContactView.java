package dev.tendril.contact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** A contact as the API shows it. */
public record ContactView(
        String id, String email, String externalId, String firstName, String lastName, String phone, String title,
        String website, LocalDate birthday, String gender, String avatar, String username, String description,
        Map<String, Object> address, String timezone, String companyId, String lifecycleStage,
        Map<String, Object> attributes, Instant createdAt, Instant updatedAt) {

    /** First and last name, or null when it has neither. */
    public String fullName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        return name.isEmpty() ? null : name;
    }

    public String displayName() {
        String name = fullName();
        if (name != null) {
            return name;
        }
        return email != null ? email : externalId != null ? externalId : "Anonymous visitor";
    }
}
