package dev.tendril.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a cursor-paginated list: {@code {"data": [...], "nextCursor": "..."}}. */
public record Page<T>(List<T> data, String nextCursor) {

    /** A page from rows fetched with {@code limit + 1}: the extra row only says that a next page exists. */
    public static <T> Page<T> of(List<T> rows, int limit, Function<T, Cursor> cursorOf) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        return new Page<>(rows.subList(0, limit), cursorOf.apply(rows.get(limit - 1)).encode());
    }
}
