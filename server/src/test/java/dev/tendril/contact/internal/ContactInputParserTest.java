package dev.tendril.contact.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tendril.contact.ContactChanges.CompanyRef;
import dev.tendril.contact.ContactField;
import dev.tendril.contact.internal.ContactInputParser.Mode;
import dev.tendril.platform.InvalidInputException.FieldError;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactInputParserTest {
    @Test
    void mapsReservedTraitsToFieldsAndTheRestToAttributes() {
        var result = ContactInputParser.parse(Map.of("email", " Ann@Example.COM ", "name", "Ann Marie Smith", "birthday", "1990-04-21",
                "plan", "pro", "address", Map.of("city", "Lisbon", "country", "PT"), "phone", "912 345 678",
                "company", Map.of("name", "Initech"), "prefs", Map.of("color", "blue")), Mode.TRAITS);
        var fields = result.changes().fields();
        assertThat(fields.get(ContactField.EMAIL)).isEqualTo("ann@example.com");
        assertThat(fields.get(ContactField.FIRST_NAME)).isEqualTo("Ann");
        assertThat(fields.get(ContactField.LAST_NAME)).isEqualTo("Marie Smith");
        assertThat(fields.get(ContactField.BIRTHDAY)).isEqualTo(LocalDate.of(1990, 4, 21));
        assertThat(fields.get(ContactField.PHONE)).isEqualTo("+351912345678");
        assertThat(result.changes().attributes()).containsEntry("plan", "pro").containsEntry("prefs.color", "blue");
        assertThat(result.changes().company()).isEqualTo(new CompanyRef.ByTraits(Map.of("name", "Initech")));
    }

    @Test
    void traitsModeLeavesBadValuesOutInsteadOfFailing() {
        var result = ContactInputParser.parse(Map.of("email", "nope", "timezone", "Moon/Base", "firstName", "Ok"), Mode.TRAITS);
        assertThat(result.errors()).isEmpty();
        assertThat(result.changes().fields()).containsOnlyKeys(ContactField.FIRST_NAME);
    }

    @Test
    void apiModeNamesEveryBadField() {
        Map<String, Object> body = new HashMap<>();
        body.put("email", "nope");
        body.put("timezone", "+02:00");
        body.put("lifecycleStage", "prospect");
        body.put("birthday", "21/04/1990");
        body.put("favourite", "x");
        body.put("attributes", Map.of("nested", Map.of("a", 1)));
        body.put("externalId", 42);
        List<String> fields = ContactInputParser.parse(body, Mode.API).errors().stream().map(FieldError::field).toList();
        assertThat(fields).containsExactlyInAnyOrder("email", "timezone", "lifecycleStage", "birthday", "favourite",
                "attributes.nested", "externalId");
    }

    @Test
    void nullClearsAField() {
        Map<String, Object> body = new HashMap<>();
        body.put("title", null);
        var result = ContactInputParser.parse(body, Mode.API);
        assertThat(result.errors()).isEmpty();
        assertThat(result.changes().fields()).containsEntry(ContactField.TITLE, null);
    }
}
