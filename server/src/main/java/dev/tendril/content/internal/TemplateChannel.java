package dev.tendril.content.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The channels a template is written for, each with its parts and how values are escaped in them. */
enum TemplateChannel {
    EMAIL(List.of(new Part("subject", Escaping.TEXT, true, 1_000), new Part("preheader", Escaping.TEXT, false, 1_000),
            new Part("html", Escaping.HTML, false, 500_000), new Part("mjml", Escaping.HTML, false, 500_000),
            new Part("text", Escaping.TEXT, false, 500_000))),
    SMS(List.of(new Part("text", Escaping.TEXT, true, 10_000))),
    PUSH(List.of(new Part("title", Escaping.TEXT, true, 1_000), new Part("body", Escaping.TEXT, true, 10_000),
            new Part("url", Escaping.TEXT, false, 2_000))),
    WEBHOOK(List.of(new Part("body", Escaping.JSON, true, 500_000)));

    /** One part of a message: its JSON name, its escaping, whether it is required and its longest source. */
    record Part(String name, Escaping escaping, boolean required, int maxLength) {}

    private final List<Part> parts;

    TemplateChannel(List<Part> parts) {
        this.parts = parts;
    }

    List<Part> parts() {
        return parts;
    }

    Optional<Part> part(String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    String jsonName() {
        return name().toLowerCase();
    }

    static Optional<TemplateChannel> of(String name) {
        return Arrays.stream(values()).filter(c -> c.jsonName().equals(name)).findFirst();
    }
}
