package dev.tendril.event.internal;

/** An accepted message with its contact. */
record StoredEvent(EncodedMessage encoded, long contactId) {
    TrackingCall message() {
        return encoded.message();
    }
}
