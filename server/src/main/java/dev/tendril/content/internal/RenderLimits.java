package dev.tendril.content.internal;

import java.time.Duration;

/**
 * What one render of one part may spend: wall time, steps (each data lookup and each list element
 * visited) and characters written. Steps bound a template that loops without writing; time bounds
 * whatever the step count misses.
 */
record RenderLimits(Duration time, long steps, int outputChars) {
    static final RenderLimits DEFAULT = new RenderLimits(Duration.ofSeconds(2), 1_000_000, 1_000_000);
}
