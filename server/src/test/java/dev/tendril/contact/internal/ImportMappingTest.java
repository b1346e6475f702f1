package dev.tendril.contact.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tendril.platform.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImportMappingTest {
    private static final List<String> HEADER = List.of("E-mail", "firstName", "Plan", "Notes", "");

    @Test
    void mappedColumnsFillTheirTargetAndOthersTheirOwnNameOrAnAttribute() {
        ImportMapping m = ImportMapping.resolve(HEADER, Map.of("E-mail", "email"), Set.of("Notes"));
        assertThat(m.targets()).containsExactly("email", "firstName", "attributes.Plan", null, null);
        assertThat(m.columns()).containsExactly(Map.entry("E-mail", "email"), Map.entry("firstName", "firstName"),
                Map.entry("Plan", "attributes.Plan"));
        assertThat(ImportMapping.stored(HEADER, m.columns())).isEqualTo(m);
    }

    @Test
    void headersAsExportsWriteThemFillTheirFieldUnlessAnotherColumnIsMappedToIt() {
        ImportMapping exported = ImportMapping.resolve(List.of("Email Address", "First Name", "last_name", "Phone Number", "Job Title",
                "User ID", "Company", "TIMEZONE", "Name"), Map.of(), Set.of());
        assertThat(exported.targets()).containsExactly("email", "firstName", "lastName", "phone", "title", "externalId", "company",
                "timezone", "attributes.Name");

        ImportMapping explicit = ImportMapping.resolve(List.of("Email", "Work Email"), Map.of("Work Email", "email"), Set.of());
        assertThat(explicit.targets()).containsExactly("attributes.Email", "email");
        assertThat(fields(List.of("Email", "E-mail"), Map.of(), Set.of())).containsExactly("map.E-mail");
    }

    @Test
    void refusesUnknownFieldsColumnsTwiceFilledTargetsAndFilesWithoutIdentity() {
        assertThat(fields(HEADER, Map.of("E-mail", "emial"), Set.of())).contains("map.E-mail");
        assertThat(fields(HEADER, Map.of("Mail", "email"), Set.of("Nope"))).contains("map.Mail", "skip");
        assertThat(fields(HEADER, Map.of("E-mail", "email", "Plan", "email"), Set.of())).containsExactly("map.Plan");
        assertThat(fields(List.of("Name", "Name", "email"), Map.of(), Set.of())).containsExactly("header");
        assertThat(fields(List.of("Name"), Map.of(), Set.of())).containsExactly("map");
        assertThat(fields(List.of("email", "x".repeat(101)), Map.of(), Set.of())).containsExactly("map." + "x".repeat(101));
    }

    private static List<String> fields(List<String> header, Map<String, String> map, Set<String> skip) {
        try {
            ImportMapping.resolve(header, map, skip);
        } catch (InvalidInputException e) {
            return e.errors().stream().map(InvalidInputException.FieldError::field).toList();
        }
        throw new AssertionError("accepted " + Arrays.asList(header, map, skip));
    }

    @Test
    void mappingNeedsANameOfTheContactsApi() {
        assertThatThrownBy(() -> ImportMapping.resolve(List.of("a"), Map.of("a", "address"), Set.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'address' is not a contact field");
    }
}
