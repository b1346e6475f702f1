package dev.tendril.content.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A content block as the API shows it. A static block has {@code content}; a dynamic block also has
 * {@code variants}, each a condition and the content shown when it holds (the first that holds wins),
 * {@code content} being the default. {@code valid} is false once a block it includes was deleted.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record BlockView(String id, String name, String kind, int version, boolean valid, List<String> problems, String content,
        List<Map<String, Object>> variants, List<String> includes, List<Problem> warnings, Instant createdAt, Instant updatedAt) {}
