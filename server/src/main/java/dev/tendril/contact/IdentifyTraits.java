package dev.tendril.contact;

import java.util.Map;

/** The traits of one Segment {@code identify} call, for the contact it resolved to. */
public record IdentifyTraits(long contactId, Map<String, Object> traits) {}
