package dev.tendril.scoring.internal;

import static dev.tendril.scoring.internal.ScoringFixtures.behavior;
import static dev.tendril.scoring.internal.ScoringFixtures.contact;
import static dev.tendril.scoring.internal.ScoringFixtures.inputs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tendril.event.BehaviorView;
import dev.tendril.scoring.internal.Scored.Recommendation;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecommendationsTest {
    @ParameterizedTest(name = "engagement {0}, {1}, grade {2}, stage {3}, owner {4}, pricing {5}, demos {6}, {7} days -> {8}")
    @CsvSource(delimiter = '|', value = {
            "40 | hot  | A | lead       | ''   | 0 | 0 | 0  | send_pricing_content route_to_sales",
            "40 | hot  | A | lead       | ann  | 1 | 0 | 0  | ''",
            "29 | warm | C | lead       | ''   | 0 | 0 | 0  | ''",
            "90 | hot  | C | mql        | ann  | 2 | 1 | 0  | book_demo",
            "90 | hot  | C | sql        | ann  | 2 | 1 | 0  | ''",
            "10 | cold | C | lead       | ''   | 0 | 0 | 30 | re_engagement_campaign",
            "10 | cold | C | lead       | ''   | 0 | 0 | 29 | ''",
            "10 | cold | B | lead       | ''   | 0 | 0 | 0  | nurture",
            "20 | cold | A | customer   | ''   | 0 | 0 | 0  | ''"})
    void fromTheBreakdown(double engagement, String temperature, String grade, String stage, String owner, int pricing,
            int demos, int days, String expected) {
        Scored s = new Scored(engagement, 0, engagement, grade, temperature, Map.of(), List.of(), List.of());
        BehaviorView b = behavior(days, 1, 0, 0, pricing, demos, 0, 0, 0, 0);
        Map<String, Object> attributes = owner.isEmpty() ? Map.of() : Map.of("owner", owner);
        List<String> actions = Recommendations.of(s, inputs(contact(Map.of("lifecycleStage", stage), attributes), b)).stream()
                .map(Recommendation::action).toList();
        assertThat(actions).containsExactlyElementsOf(expected.isEmpty() ? List.of() : Arrays.asList(expected.split(" ")));
    }
}
