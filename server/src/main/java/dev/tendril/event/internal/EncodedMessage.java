package dev.tendril.event.internal;

import java.time.Instant;

/**
 * A parsed call with its jsonb columns already written out, in the request's own thread, so the writer
 * that stores many requests together only copies them.
 */
record EncodedMessage(TrackingCall message, Instant receivedAt, String properties, String traits, String context,
        String integrations) {}
