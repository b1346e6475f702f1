package dev.tendril.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonalizationScoreTest {
    final Map<String, Object> model = new HashMap<>(Map.of("firstName", "Ada", "title", "", "company", Map.of("name", "Acme")));

    RenderTrace trace(String... read) {
        RenderTrace trace = new RenderTrace(RenderLimits.DEFAULT);
        for (String path : read) {
            trace.read(path, ModelValues.at(model, path));
        }
        return trace;
    }

    @Test
    void realDataOverReachedSlotsWeighted() {
        Map<String, Integer> slots = Map.of("firstName", 1, "title", 1, "company.name", 1, "lastName", 1, "block:offer", 2);
        RenderTrace trace = trace("firstName", "title", "company", "company.name");
        trace.variant("offer", -1);
        // reached: firstName (real), title (blank: fallback), company.name (real), offer (default: fallback, weight 2); lastName never reached
        assertThat(PersonalizationScore.of(slots, trace, model)).isEqualTo(40);
        RenderTrace chosen = trace("firstName", "title", "company", "company.name", "lastName");
        chosen.variant("offer", 0);
        assertThat(PersonalizationScore.of(slots, chosen, model)).isEqualTo(67);
    }

    @Test
    void aMissingParentCountsTheSlotAsAFallback() {
        model.remove("company");
        assertThat(PersonalizationScore.of(Map.of("company.name", 1, "firstName", 1), trace("company", "firstName"), model)).isEqualTo(50);
        assertThat(PersonalizationScore.of(Map.of("company.name", 1), trace(), model)).isZero();
    }
}
