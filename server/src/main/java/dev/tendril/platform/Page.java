package dev.tendril.platform;

import java.util.List;

/** One page of a cursor-paginated list: {@code {"data": [...], "nextCursor": "..."}}. */
public record Page<T>(List<T> data, String nextCursor) {}
