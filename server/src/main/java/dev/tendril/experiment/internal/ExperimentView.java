package dev.tendril.experiment.internal;

import dev.tendril.platform.Ids;
import java.time.Instant;
import java.util.List;

/** An experiment as the API shows it. {@code winner} is a variant key. */
record ExperimentView(String id, String name, String metric, String mode, String status, double holdoutPercent,
        int minSamplePerVariant, double alpha, List<VariantView> variants, String winner, Double winnerPValue,
        boolean promotedAutomatically, Instant startedAt, Instant completedAt, Instant createdAt, Instant updatedAt) {

    record VariantView(String key, String name, double weight, String subject, String preheader, String html, String text,
            String templateId) {}

    static ExperimentView of(ExperimentRow row, List<VariantRow> variants) {
        String winner = variants.stream().filter(v -> row.winnerVariantId() != null && v.id() == row.winnerVariantId())
                .map(VariantRow::key).findFirst().orElse(null);
        return new ExperimentView(Ids.EXPERIMENT.format(row.id()), row.name(), row.metric().wire(), row.mode().wire(),
                row.status().wire(), row.holdoutPercent(), row.minSamplePerVariant(), row.alpha(),
                variants.stream().map(v -> v.variant()).map(v -> new VariantView(v.key(), v.name(), v.weight(), v.subject(),
                        v.preheader(), v.html(), v.text(), v.templateId())).toList(),
                winner, row.winnerPValue(), row.promoted(), row.startedAt(), row.completedAt(), row.createdAt(), row.updatedAt());
    }

    ExperimentDefinition definition(ExperimentRow row) {
        return new ExperimentDefinition(name, row.metric(), row.mode(), holdoutPercent, minSamplePerVariant, alpha,
                variants.stream().map(v -> new ExperimentDefinition.Variant(v.key(), v.name(), v.weight(), v.subject(), v.preheader(),
                        v.html(), v.text(), v.templateId())).toList());
    }
}
