package dev.tendril.contact.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Custom-attribute changes as one SQL assignment: set the non-null values, remove the null ones,
 * keep the rest ({@code attributes = (attributes || set) - removed}).
 */
record AttributePatch(String setJson, String[] removed) {
    static final String PATCHED = "(attributes || ?::jsonb) - ?::text[]";
    static final String ASSIGNMENT = ", attributes = " + PATCHED;

    static AttributePatch of(Map<String, Object> changes, JsonColumns json) {
        Map<String, Object> set = new LinkedHashMap<>();
        changes.forEach((k, v) -> {
            if (v != null) {
                set.put(k, v);
            }
        });
        List<String> removed = changes.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList();
        return new AttributePatch(json.write(set), removed.toArray(String[]::new));
    }

    void appendTo(StringBuilder sql, List<Object> params) {
        sql.append(ASSIGNMENT);
        params.add(setJson);
        params.add(removed);
    }
}
