package dev.tendril.experiment;

/**
 * A/B experiments for other modules (journeys pick an arm before they send, channels and
 * conversion tracking report what happened). Experiment ids are the API's ({@code ex_…}); contact ids are row ids.
 */
public interface Experiments {

    /**
     * The arm of a contact: the same answer every time while the experiment runs (stored on first
     * assignment); once completed, the winner (or, with no winner, the first variant) for everyone
     * outside the holdout. A draft answers 409; an unknown experiment or contact 404.
     */
    VariantAssignment assign(long workspaceId, String experimentId, long contactId);

    /**
     * The contact's variant was sent. Counted once per contact; false when the contact has no
     * assignment or the send was already counted. A contact in the holdout answers 409: it gets nothing.
     */
    boolean recordSend(long workspaceId, String experimentId, long contactId);

    /**
     * The contact opened, clicked or converted. Counted once per contact and metric (an open also
     * counts as the send that must have preceded it); false when the contact has no assignment or it
     * was already counted. May promote the winner of a fixed-horizon experiment.
     */
    boolean recordOutcome(long workspaceId, String experimentId, long contactId, ExperimentMetric metric);
}
