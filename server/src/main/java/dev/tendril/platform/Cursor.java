package dev.tendril.platform;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * An opaque keyset cursor: the sort key of the last row returned (an instant and/or a row id, the row id
 * hidden as the API ids hide it, see {@link Ids#hide}). Clients pass it back unchanged; anything else is a
 * 400 naming {@code cursor}.
 */
public record Cursor(Instant at, long id) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    /** A cursor holds the time of a stored row: one outside the years 1 to 9999 was never issued, and would overflow the query. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    public String encode() {
        String raw = (at == null ? "" : Long.toString(at.getEpochSecond()) + "." + at.getNano()) + "|" + Long.toUnsignedString(Ids.hide(id));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            Instant at = null;
            if (bar > 0) {
                String[] parts = raw.substring(0, bar).split("\\.");
                at = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
                if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
                    throw new IllegalArgumentException("no stored time is that far out");
                }
            }
            return new Cursor(at, Ids.reveal(Long.parseUnsignedLong(raw.substring(bar + 1))));
        } catch (RuntimeException e) {
            throw new InvalidInputException("cursor", "is not a cursor returned by this API");
        }
    }

    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }
}
