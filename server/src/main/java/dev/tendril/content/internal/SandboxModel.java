package dev.tendril.content.internal;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The only objects a template sees: read-only views of maps, lists and scalars. Handlebars resolves
 * names on them with {@code MapValueResolver} alone, so no Java method, field or class is reachable.
 * Every lookup and every list element visited is reported to the {@link RenderTrace}, which records
 * the path and counts the step against the render's limits.
 */
final class SandboxModel {
    private SandboxModel() {}

    static Object wrap(Object value, String path, RenderTrace trace) {
        return switch (value) {
            case null -> null;
            case Map<?, ?> map -> new View(map, path, trace);
            case List<?> list -> new ListView(list, path, trace);
            default -> value;
        };
    }

    private static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static final class View extends AbstractMap<String, Object> {
        private final Map<?, ?> values;
        private final String path;
        private final RenderTrace trace;

        View(Map<?, ?> values, String path, RenderTrace trace) {
            this.values = values;
            this.path = path;
            this.trace = trace;
        }

        @Override
        public Object get(Object key) {
            trace.step();
            if (!(key instanceof String name)) {
                return null;
            }
            Object value = values.get(name);
            String at = child(path, name);
            trace.read(at, value);
            return wrap(value, at, trace);
        }

        @Override
        public boolean containsKey(Object key) {
            trace.step();
            return values.containsKey(key);
        }

        @Override
        public int size() {
            return values.size();
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Object>> iterator() {
                    Iterator<? extends Entry<?, ?>> entries = values.entrySet().iterator();
                    return new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return entries.hasNext();
                        }

                        @Override
                        public Entry<String, Object> next() {
                            Entry<?, ?> e = entries.next();
                            String key = String.valueOf(e.getKey());
                            return new SimpleImmutableEntry<>(key, get(key));
                        }
                    };
                }

                @Override
                public int size() {
                    return values.size();
                }
            };
        }

        @Override
        public String toString() {
            return "[object]";
        }
    }

    static final class ListView extends AbstractList<Object> {
        private final List<?> values;
        private final String path;
        private final RenderTrace trace;

        ListView(List<?> values, String path, RenderTrace trace) {
            this.values = values;
            this.path = path;
            this.trace = trace;
        }

        @Override
        public Object get(int index) {
            trace.step();
            return wrap(values.get(index), path + "[]", trace);
        }

        @Override
        public int size() {
            return values.size();
        }

        @Override
        public String toString() {
            return String.join(", ", values.stream().map(v -> v instanceof Map || v instanceof List ? "[object]" : String.valueOf(v)).toList());
        }
    }
}
