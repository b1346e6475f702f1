package dev.tendril.segment;

import java.math.BigDecimal;

/**
 * The scores a condition can read about a contact, as the scoring module stores them (hundredths).
 * A contact without a stored score counts as {@link #UNSCORED}, in both backends.
 */
public record ContactScore(BigDecimal score, BigDecimal fitScore, BigDecimal engagementScore, String grade, String temperature) {
    public static final ContactScore UNSCORED = new ContactScore(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, "F", "cold");
}
