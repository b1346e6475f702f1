package dev.tendril.scoring.internal;

import static dev.tendril.scoring.internal.ScoringFixtures.contact;
import static dev.tendril.scoring.internal.ScoringFixtures.inputs;
import static dev.tendril.scoring.internal.ScoringFixtures.model;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StageRulesTest {
    static final ScoringModel MODEL = model("""
            {"stageRules": [
              {"stage": "lead", "when": {"condition": {"attribute": "email", "op": "exists"}}},
              {"stage": "mql", "when": {"minScore": 50, "minFitGrade": "B"}},
              {"stage": "opportunity", "when": {"minEngagementScore": 90}},
              {"stage": "subscriber", "when": {"minScore": 0}, "allowFrom": ["churned"]},
              {"stage": "evangelist", "when": {"minScore": 200}, "allowFrom": ["customer"]}]}""");

    @ParameterizedTest(name = "{0} with score {1}, grade {2}, engagement {3}, email {4} -> {5}")
    @CsvSource({
            "subscriber, 10, F, 10,  false, ''",
            "subscriber, 10, F, 10,  true,  lead",
            "subscriber, 60, B, 10,  true,  mql",
            "subscriber, 60, C, 10,  true,  lead",
            "lead,       60, A, 10,  false, mql",
            "mql,        60, A, 10,  true,  ''",
            "sql,        60, A, 10,  true,  ''",
            "sql,        95, A, 95,  true,  opportunity",
            "opportunity, 95, A, 95, true,  ''",
            "customer,   95, A, 95,  true,  ''",
            "customer,   250, A, 95, true,  evangelist",
            "churned,    95, A, 95,  true,  subscriber"})
    void automaticMovesOnlyForward(String stage, double score, String grade, double engagement, boolean email, String expected) {
        Scored s = new Scored(score, 0, engagement, grade, "cold", Map.of(), List.of(), List.of());
        Map<String, Object> fields = email ? Map.of("lifecycleStage", stage, "email", "a@b.io") : Map.of("lifecycleStage", stage);
        ScoreInputs in = inputs(contact(fields, Map.of()), null);
        String moved = StageRules.automaticMove(MODEL.stageRules(), stage, s, in.matches()).map(StageRule::stage).orElse("");
        assertThat(moved).isEqualTo(expected);
    }
}
