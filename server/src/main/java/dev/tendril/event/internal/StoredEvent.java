package dev.tendril.event.internal;

/** An accepted message with its contact and its jsonb columns serialised once. */
record StoredEvent(SegmentMessage message, long contactId, String properties, String traits, String context, String integrations) {}
