package dev.tendril.scoring;

/**
 * The hook the predictive-analytics module fills: a contact's predicted points (for example a
 * conversion propensity × 100). The scoring engine adds the sum of all such beans, times the
 * predictive category's weight (0 by default), to the predictive category. With no bean the
 * category holds only its own rules.
 */
public interface PredictiveScore {
    double points(long workspaceId, long contactId);
}
