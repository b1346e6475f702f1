package dev.tendril.experiment.internal;

import dev.tendril.experiment.ExperimentMetric;
import java.util.List;

/** A validated experiment as a client defines it (see {@link ExperimentJson}). */
record ExperimentDefinition(String name, ExperimentMetric metric, Mode mode, double holdoutPercent, int minSamplePerVariant,
        double alpha, List<Variant> variants) {

    enum Mode {
        FIXED, BANDIT;

        String wire() {
            return name().toLowerCase();
        }
    }

    /** One arm; null overrides keep the message's own content. */
    record Variant(String key, String name, double weight, String subject, String preheader, String html, String text,
            String templateId) {}
}
