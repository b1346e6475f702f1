package dev.tendril.condition.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tendril.platform.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ConditionSizeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ConditionSize size = new ConditionSize(10, 100);

    private static JsonNode or(int tests) {
        List<Object> any = new ArrayList<>();
        IntStream.range(0, tests).forEach(i -> any.add(Map.of("event", "E" + i)));
        return JSON.valueToTree(Map.of("or", any));
    }

    private static JsonNode in(int values) {
        return JSON.valueToTree(Map.of("attribute", "title", "op", "in", "value", IntStream.range(0, values).mapToObj(i -> "t" + i).toList()));
    }

    @Test
    void aConditionWithinTheBoundsPasses() {
        assertThatCode(() -> size.check(or(10), "condition")).doesNotThrowAnyException();
        assertThatCode(() -> size.check(in(100), "condition")).doesNotThrowAnyException();
    }

    @Test
    void tooManyTestsAreRefusedNamingTheCondition() {
        assertThatThrownBy(() -> size.check(or(11), "condition")).isInstanceOf(InvalidInputException.class)
                .hasMessage("condition: has 11 tests; a condition may have at most 10 (tendril.conditions.max-tests)");
    }

    @Test
    void propertyFiltersCountAsTestsAndTheirListsAsValues() {
        JsonNode event = JSON.valueToTree(Map.of("and", List.of(Map.of("event", "Paid", "where", List.of(
                Map.of("property", "plan", "op", "in", "value", List.of("a", "b")), Map.of("property", "seats", "op", "gt", "value", 3))),
                Map.of("not", Map.of("stage", List.of("lead", "mql"))))));
        assertThatCode(() -> new ConditionSize(4, 4).check(event, "condition")).doesNotThrowAnyException();
        assertThatThrownBy(() -> new ConditionSize(3, 4).check(event, "condition")).hasMessageContaining("has 4 tests");
        assertThatThrownBy(() -> new ConditionSize(4, 1).check(event, "condition")).hasMessageContaining("lists 2 values");
    }

    @Test
    void longListsAreRefusedWhateverTheirNesting() {
        JsonNode nested = JSON.valueToTree(Map.of("and", List.of(Map.of("not", Map.of("or", List.of(in(60), in(60)))))));
        assertThatThrownBy(() -> size.check(nested, "condition")).isInstanceOf(InvalidInputException.class)
                .hasMessage("condition: lists 120 values; a condition may list at most 100 (tendril.conditions.max-values)");
    }
}
