package dev.tendril.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** {@code --name=value} command-line flags with defaults. */
record Flags(Map<String, String> values) {

    static Flags parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            values.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return new Flags(values);
    }

    int integer(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }

    Duration seconds(String name, int fallback) {
        return Duration.ofSeconds(integer(name, fallback));
    }

    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }
}
