package dev.tendril.content.internal;

/** A render stopped because it ran too long, took too many steps or wrote too much. */
final class RenderLimitExceeded extends RuntimeException {
    RenderLimitExceeded(String message) {
        super(message);
    }
}
