package dev.tendril.contact;

/** Moves a contact to lifecycle stage {@code to}, provided it is still in {@code from}. */
public record StageMove(long contactId, String from, String to) {}
