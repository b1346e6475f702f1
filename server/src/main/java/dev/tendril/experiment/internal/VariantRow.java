package dev.tendril.experiment.internal;

/** A stored variant: its row id and definition. */
record VariantRow(long id, ExperimentDefinition.Variant variant) {
    String key() {
        return variant.key();
    }
}
