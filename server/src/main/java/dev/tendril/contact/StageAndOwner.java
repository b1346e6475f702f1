package dev.tendril.contact;

/**
 * What scoring reads of a contact itself: its lifecycle stage (null before it has one) and its custom attribute
 * {@code owner} as text (null when absent or JSON null; a number or list as its JSON text).
 */
public record StageAndOwner(String stage, String owner) {}
