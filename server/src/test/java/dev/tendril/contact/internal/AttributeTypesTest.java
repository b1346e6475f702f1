package dev.tendril.contact.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tendril.contact.AttributeType;
import dev.tendril.contact.internal.ContactInputParser.Mode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttributeTypesTest {
    @Test
    void infersTypesFromFirstValues() {
        assertThat(AttributeTypes.infer(3)).isEqualTo(AttributeType.NUMBER);
        assertThat(AttributeTypes.infer(true)).isEqualTo(AttributeType.BOOLEAN);
        assertThat(AttributeTypes.infer("2026-01-31")).isEqualTo(AttributeType.DATE);
        assertThat(AttributeTypes.infer("2026-01-31T10:00:00+01:00")).isEqualTo(AttributeType.DATE);
        assertThat(AttributeTypes.infer("Jan 31")).isEqualTo(AttributeType.STRING);
        assertThat(AttributeTypes.infer(List.of("a"))).isEqualTo(AttributeType.LIST);
    }

    @Test
    void convertsLeniently_onlyForTraits() {
        assertThat(AttributeTypes.convert("42", AttributeType.NUMBER, Mode.TRAITS)).isEqualTo(new BigDecimal("42"));
        assertThat(AttributeTypes.convert("42", AttributeType.NUMBER, Mode.API)).isNull();
        assertThat(AttributeTypes.convert("TRUE", AttributeType.BOOLEAN, Mode.TRAITS)).isEqualTo(true);
        assertThat(AttributeTypes.convert(7, AttributeType.STRING, Mode.TRAITS)).isEqualTo("7");
        assertThat(AttributeTypes.convert("2026-01-31T10:00:00+0100", AttributeType.DATE, Mode.API)).isEqualTo("2026-01-31T09:00:00Z");
        assertThat(AttributeTypes.convert("soon", AttributeType.DATE, Mode.TRAITS)).isNull();
    }
}
