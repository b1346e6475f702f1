package dev.tendril.contact;

import java.time.Instant;

/** Moves a contact to lifecycle stage {@code to}, provided it is still in {@code from}; why, and when it was decided. */
public record StageMove(long contactId, String from, String to, String reason, Instant at) {}
