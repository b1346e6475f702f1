package dev.tendril.contact;

/** A contact after an upsert, and whether the upsert made it. */
public record UpsertedContact(ContactView contact, boolean created) {}
