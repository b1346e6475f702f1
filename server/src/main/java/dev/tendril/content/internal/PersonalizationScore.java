package dev.tendril.content.internal;

import java.util.Map;

/**
 * The personalisation score of one render, 0 to 100: the weighted share of the personalisation slots
 * the render reached that it filled from the contact's real data rather than a fallback.
 * <ul>
 * <li>A slot is a value the template writes out ({@code {{firstName}}}, {@code {{default firstName "there"}}},
 * a formatter's value, an {@code #each} list, {@code {{greeting}}}'s time zone): weight 1; a dynamic block
 * or the recommendations: weight 2, as they swap a whole section.</li>
 * <li>A slot counts when the render reached it: its data was looked up (or a dynamic block was shown).
 * Slots in branches that did not render are left out; a slot whose {@code #if} was false counts, as a fallback.</li>
 * <li>It is filled from real data when the value is present (not empty); a dynamic block when a
 * variant's condition chose it rather than the default content.</li>
 * </ul>
 * A render with no slots scores 0.
 */
final class PersonalizationScore {
    /** Slot keys of dynamic blocks: this prefix and the block's name. */
    static final String BLOCK = "block:";

    private PersonalizationScore() {}

    static int of(Map<String, Integer> slots, RenderTrace trace, Map<String, Object> model) {
        double reached = 0;
        double real = 0;
        for (Map.Entry<String, Integer> slot : slots.entrySet()) {
            String path = slot.getKey();
            int weight = slot.getValue();
            if (path.startsWith(BLOCK)) {
                Integer variant = trace.variants().get(path.substring(BLOCK.length()));
                if (variant != null) {
                    reached += weight;
                    real += variant >= 0 ? weight : 0;
                }
            } else if (reached(path, trace.reads())) {
                reached += weight;
                real += ModelValues.present(ModelValues.at(model, path)) ? weight : 0;
            }
        }
        return reached == 0 ? 0 : (int) Math.round(100 * real / reached);
    }

    /** Looked up itself, or cut short by a missing value on its way ({@code company} absent for {@code company.name}). */
    private static boolean reached(String path, Map<String, Boolean> reads) {
        if (reads.containsKey(path)) {
            return true;
        }
        for (int dot = path.indexOf('.'); dot > 0; dot = path.indexOf('.', dot + 1)) {
            if (Boolean.FALSE.equals(reads.get(path.substring(0, dot)))) {
                return true;
            }
        }
        return false;
    }
}
