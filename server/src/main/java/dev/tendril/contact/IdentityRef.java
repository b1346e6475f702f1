package dev.tendril.contact;

/**
 * What an event says about who sent it: Segment's {@code userId} and {@code anonymousId}, and for
 * {@code identify} calls the {@code email} trait, which also identifies a known contact.
 */
public record IdentityRef(String userId, String anonymousId, String email) {}
