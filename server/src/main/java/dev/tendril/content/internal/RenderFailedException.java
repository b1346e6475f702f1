package dev.tendril.content.internal;

/** A preview whose render failed (a limit, a bad helper argument); answered 422 with the reason. */
final class RenderFailedException extends RuntimeException {
    RenderFailedException(String message) {
        super("the template could not be rendered: " + message);
    }
}
