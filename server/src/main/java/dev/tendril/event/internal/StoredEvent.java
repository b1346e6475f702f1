package dev.tendril.event.internal;

/** An accepted message with its contact. */
record StoredEvent(EncodedMessage encoded, long contactId) {
    SegmentMessage message() {
        return encoded.message();
    }
}
