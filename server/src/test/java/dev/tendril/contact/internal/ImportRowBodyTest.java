package dev.tendril.contact.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tendril.contact.AttributeType;
import dev.tendril.platform.InvalidInputException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImportRowBodyTest {
    private final ImportMapping mapping = ImportMapping.resolve(List.of("email", "First", "Seats", "Trial", "Zip", "Tags"),
            Map.of("First", "firstName"), Set.of());

    @Test
    void buildsAnUpsertBodyWithTypedAttributesAndLeavesEmptyCellsOut() {
        Map<String, Object> body = ImportRowBody.of(mapping, List.of(" ada@example.com ", "", "12", "TRUE", "01234", "a; b"),
                Map.of("Tags", AttributeType.LIST));
        assertThat(body).containsEntry("email", "ada@example.com").doesNotContainKey("firstName");
        assertThat(body.get("attributes")).isEqualTo(Map.of("Seats", 12L, "Trial", true, "Zip", "01234", "Tags", List.of("a", "b")));
    }

    @Test
    void declaredTypesWin() {
        assertThat(ImportRowBody.typed("42", AttributeType.STRING)).isEqualTo("42");
        assertThat(ImportRowBody.typed("1.50", null)).isEqualTo(new BigDecimal("1.50"));
        assertThat(ImportRowBody.typed("007", AttributeType.NUMBER)).isEqualTo(7L);
        assertThat(ImportRowBody.typed("many", AttributeType.NUMBER)).isEqualTo("many");
        assertThat(ImportRowBody.typed("yes", AttributeType.BOOLEAN)).isEqualTo("yes");
        assertThat(ImportRowBody.typed("2024-01-31", null)).isEqualTo("2024-01-31");
    }

    @Test
    void aRowNeedsAnIdentityAndTheHeadersFieldCount() {
        assertThatThrownBy(() -> ImportRowBody.of(mapping, List.of("", "Ada", "1", "true", "", ""), Map.of()))
                .isInstanceOf(InvalidInputException.class).hasMessage("row: needs email or externalId");
        assertThatThrownBy(() -> ImportRowBody.of(mapping, List.of("a@example.com", "Ada"), Map.of()))
                .isInstanceOf(InvalidInputException.class).hasMessage("row: has 2 fields; the header has 6");
    }
}
