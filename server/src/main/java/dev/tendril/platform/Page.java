package dev.tendril.platform;

import java.util.List;
import java.util.function.BiFunction;
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

    /**
     * A page of a log read newest first by id (histories): {@code fetch} gets the decoded cursor and how many
     * rows to read; the next cursor is the last row's id, an id of type {@code ids}.
     */
    public static <T> Page<T> byId(String cursor, Integer limit, BiFunction<Cursor, Integer, List<T>> fetch, Ids ids,
            Function<T, String> idOf) {
        int n = Cursor.limit(limit);
        return of(fetch.apply(Cursor.decode(cursor), n + 1), n, last -> new Cursor(null, ids.require(idOf.apply(last))));
    }
}
