package dev.tendril.scoring.internal;

import static dev.tendril.scoring.internal.ScoringFixtures.DEFAULTS;
import static dev.tendril.scoring.internal.ScoringFixtures.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tendril.condition.internal.ConditionJson;
import dev.tendril.platform.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelJsonTest {
    @Test
    void writtenModelReadsBackTheSame() {
        var written = ModelJson.write(DEFAULTS);
        ScoringModel again = ModelJson.read(written, null, ConditionJson::parse).withVersion(1);
        assertThat(ModelJson.write(again)).isEqualTo(written);
        assertThat(written.at("/categories/behavior/cap").asDouble()).isEqualTo(100);
        assertThat(written.at("/categories/behavior/rules/1/pointsPerUnit").asDouble()).isEqualTo(0.1);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"categories\": {\"demographics\": {\"rules\": [{\"name\": \"a\", \"points\": 1, \"condition\": {\"stage\": \"lead\"}}, {\"name\": \"b\", \"points\": 1, \"condition\": {\"stage\": \"lead\"}}, {\"name\": \"c\", \"points\": 5, \"condition\": {\"attribute\": \"title\", \"op\": \"nope\", \"value\": \"x\"}}]}}} | categories.demographics.rules[2].condition.op",
            "{\"categories\": {\"behavior\": {\"rules\": [{\"name\": \"x\", \"metric\": \"clicks\", \"pointsPerUnit\": 1}]}}} | categories.behavior.rules[0].metric",
            "{\"categories\": {\"engagement\": {\"cap\": -1}}} | categories.engagement.cap",
            "{\"categories\": {\"engagement\": {\"weight\": \"high\"}}} | categories.engagement.weight",
            "{\"categories\": {\"recency\": {\"halfLifeDays\": 0}}} | categories.recency.halfLifeDays",
            "{\"categories\": {\"social\": {}}} | categories.social",
            "{\"grades\": {\"A\": 10, \"B\": 20, \"C\": 5, \"D\": 1}} | grades.B",
            "{\"temperature\": {\"hot\": 50, \"warm\": 80}} | temperature.warm",
            "{\"stageRules\": [{\"stage\": \"vip\", \"when\": {\"minScore\": 1}}]} | stageRules[0].stage",
            "{\"stageRules\": [{\"stage\": \"mql\", \"when\": {\"minFitGrade\": \"E\"}}]} | stageRules[0].when.minFitGrade",
            "{\"categories\": {\"demographics\": {\"rules\": [{\"name\": \"a\", \"points\": 1, \"condition\": {\"and\": [{\"stage\": \"lead\"}, {\"not\": {\"temperature\": \"hot\"}}]}}]}}} | categories.demographics.rules[0].condition.and[1].not.temperature",
            "{\"categories\": {\"engagement\": {\"rules\": [{\"name\": \"a\", \"points\": 1, \"condition\": {\"score\": {\"op\": \"gte\", \"value\": 50}}}]}}} | categories.engagement.rules[0].condition.score",
            "{\"stageRules\": [{\"stage\": \"mql\", \"when\": {\"condition\": {\"or\": [{\"grade\": \"A\"}]}}}]} | stageRules[0].when.condition.or[0].grade",
            "{\"categories\": {\"demographics\": {\"rules\": [{\"name\": \"a\", \"points\": 1, \"condition\": {\"inList\": \"ls_1\"}}]}}} | categories.demographics.rules[0].condition.inList",
            "{\"colour\": 1} | colour"})
    void mistakesNameTheirField(String input, String field) {
        assertThatThrownBy(() -> ModelJson.read(JSON.readTree(input), DEFAULTS, ConditionJson::parse))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field).containsExactly(field));
    }
}
