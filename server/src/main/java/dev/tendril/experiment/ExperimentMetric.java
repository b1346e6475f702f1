package dev.tendril.experiment;

/** What an experiment optimises: the share of contacts sent the message who then did this. */
public enum ExperimentMetric {
    OPEN, CLICK, CONVERSION;

    public String wire() {
        return name().toLowerCase();
    }
}
