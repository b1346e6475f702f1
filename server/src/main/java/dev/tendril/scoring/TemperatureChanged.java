package dev.tendril.scoring;

/** A contact's temperature (hot, warm, cold) changed. */
public record TemperatureChanged(long workspaceId, long contactId, String previousTemperature, String temperature) {}
