package dev.tendril.content;

import java.util.List;

/** A template's latest version and whether it is usable; {@code problems} say why not. */
public record TemplateStatus(String id, String name, String channel, int version, boolean valid, List<String> problems) {}
