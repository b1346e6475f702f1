package dev.tendril.event;

/**
 * Which events feed a behaviour metric: events of {@code eventType} ({@code track}, {@code page} or
 * {@code screen}), named {@code eventName} when given, on a path containing {@code pathContains} when given.
 */
public record BehaviorRule(String metric, String eventType, String eventName, String pathContains) {}
