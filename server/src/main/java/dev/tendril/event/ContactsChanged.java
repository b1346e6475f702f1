package dev.tendril.event;

import java.util.Set;

/** Contacts whose events, traits or behaviour changed in one committed batch. */
public record ContactsChanged(long workspaceId, Set<Long> contactIds) {}
