package dev.tendril.experiment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tendril.experiment.AiVariantProvider.Suggestion;
import dev.tendril.experiment.AiVariantProvider;
import dev.tendril.experiment.ExperimentMetric;
import java.util.List;
import org.junit.jupiter.api.Test;

class AiProposalParserTest {

    @Test
    void readsTheAskedForShape() {
        assertThat(AiProposalParser.parse("""
                {"variants": [{"subject": "Last day: 30% off", "preheader": "Ends at midnight"}, {"subject": "Did you see this?"}]}""", 5))
                .containsExactly(new Suggestion("Last day: 30% off", "Ends at midnight"), new Suggestion("Did you see this?", null));
    }

    @Test
    void toleratesCodeFencesProseAndABareList() {
        String fenced = """
                Sure! Here are some ideas:
                ```json
                [{"subject": "  Spring is here  ", "preheader": "New arrivals inside"}]
                ```
                Good luck!""";
        assertThat(AiProposalParser.parse(fenced, 3)).containsExactly(new Suggestion("Spring is here", "New arrivals inside"));
    }

    @Test
    void dropsDuplicatesEmptyAndOverlongSubjectsAndStopsAtTheCount() {
        String content = """
                {"variants": [{"subject": "One"}, {"subject": "one"}, {"subject": ""}, {"preheader": "no subject"},
                              {"subject": "%s"}, {"subject": "Two"}, {"subject": "Three"}]}""".formatted("x".repeat(151));
        assertThat(AiProposalParser.parse(content, 2)).extracting(Suggestion::subject).containsExactly("One", "Two");
    }

    @Test
    void anAnswerWithoutVariantsIsAProviderError() {
        assertThatThrownBy(() -> AiProposalParser.parse("I cannot help with that.", 3))
                .isInstanceOf(AiVariantProvider.ProviderException.class).hasMessageContaining("not JSON").hasMessageNotContaining("cannot help");
        assertThatThrownBy(() -> AiProposalParser.parse("{\"ideas\": []}", 3)).isInstanceOf(AiVariantProvider.ProviderException.class);
        assertThatThrownBy(() -> AiProposalParser.parse("{\"variants\": [{\"subject\": 4}]}", 3))
                .isInstanceOf(AiVariantProvider.ProviderException.class).hasMessageContaining("no usable subject");
    }

    @Test
    void thePromptNamesTheGoalTheCurrentVariantsAndTheCount() {
        String user = AiPrompt.user(new AiVariantProvider.Brief("Spring sale", ExperimentMetric.CLICK,
                List.of(new Suggestion("Our spring sale", "Ends Sunday"), new Suggestion(null, null)), 4, "Playful tone"));
        assertThat(user).contains("Experiment: Spring sale", "click rate", "- subject: Our spring sale | preheader: Ends Sunday",
                "(the message's own)", "Playful tone", "Propose 4 new variants");
        assertThat(AiPrompt.system()).contains("JSON only", "\"variants\"");
    }
}
