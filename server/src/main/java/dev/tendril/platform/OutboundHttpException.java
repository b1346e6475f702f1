package dev.tendril.platform;

/**
 * An outbound call that was refused or did not complete. Its message is safe to show a user: it names the
 * host and what went wrong (refused address, no answer in time, answer too large), never the answer's body.
 */
public class OutboundHttpException extends RuntimeException {
    public OutboundHttpException(String message) {
        super(message);
    }

    public OutboundHttpException(String message, Throwable cause) {
        super(message, cause);
    }
}
