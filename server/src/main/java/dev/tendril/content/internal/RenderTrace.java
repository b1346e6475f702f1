package dev.tendril.content.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one render read and spent. The sandboxed model reports every lookup here: the path read and
 * whether it held a value (for {@code dataUsed} and the personalisation score), and a step against
 * the {@link RenderLimits}. Dynamic blocks report which variant they showed.
 */
final class RenderTrace {
    private final RenderLimits limits;
    private final long deadline;
    private final Map<String, Boolean> reads = new LinkedHashMap<>();
    private final Map<String, Integer> variants = new LinkedHashMap<>();
    private long steps;
    private long produced;

    RenderTrace(RenderLimits limits) {
        this.limits = limits;
        this.deadline = System.nanoTime() + limits.time().toNanos();
    }

    void step() {
        steps++;
        if (steps > limits.steps()) {
            throw new RenderLimitExceeded("the template took more than " + limits.steps()
                    + " steps (data lookups and loop iterations); is a loop nested too deep?");
        }
        if ((steps & 255) == 0) {
            checkTime();
        }
    }

    /**
     * Counts text a loop produced before it reaches the output: nested loops build their text in
     * memory first, so this bounds memory where the output limit alone would see it too late.
     */
    void produced(int chars) {
        produced += chars;
        if (produced > 10L * limits.outputChars()) {
            throw new RenderLimitExceeded("the output is longer than " + limits.outputChars() + " characters");
        }
        checkTime();
    }

    void checkTime() {
        if (System.nanoTime() > deadline) {
            throw new RenderLimitExceeded("the template took longer than " + limits.time().toMillis() + " ms to render");
        }
    }

    void read(String path, Object value) {
        boolean present = ModelValues.present(value);
        reads.merge(path, present, Boolean::logicalOr);
    }

    void variant(String block, int index) {
        variants.put(block, index);
    }

    /** Each path read, and whether it held a value (not null, not blank, not an empty list or map). */
    Map<String, Boolean> reads() {
        return reads;
    }

    /** The variant each dynamic block showed: its index, or -1 for the default content. */
    Map<String, Integer> variants() {
        return variants;
    }

    RenderLimits limits() {
        return limits;
    }

    /** The data paths read that held a scalar or list value, without list element paths. */
    List<String> dataUsed(Map<String, Object> model) {
        return reads.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
                .filter(p -> !p.contains("[]") && !(ModelValues.at(model, p) instanceof Map))
                .sorted().distinct().toList();
    }
}
