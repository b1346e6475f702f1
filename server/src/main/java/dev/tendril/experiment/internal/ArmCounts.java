package dev.tendril.experiment.internal;

/** What one arm has shown so far: contacts sent to, and how many of them did the metric. */
record ArmCounts(long sends, long successes) {
    ArmCounts {
        if (sends < 0 || successes < 0 || successes > sends) {
            throw new IllegalArgumentException("need 0 <= successes <= sends, got " + successes + "/" + sends);
        }
    }

    double rate() {
        return sends == 0 ? 0 : (double) successes / sends;
    }
}
