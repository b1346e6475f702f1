package dev.tendril.contact.internal;

import dev.tendril.contact.AttributeType;
import dev.tendril.contact.internal.ContactInputParser.Mode;
import dev.tendril.platform.InvalidInputException.FieldError;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps custom attributes typed: the first value of a name fixes its type, later values must fit it.
 * In {@link Mode#API} a misfit is an error; for Segment traits a value is converted when it can be
 * (the string "42" for a number) and left out when it cannot.
 */
@Component
public class AttributeTypes {
    private static final Duration CACHE_TTL = Duration.ofSeconds(30);
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ISO_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})");

    private record Snapshot(Map<String, AttributeType> types, Instant until) {}

    private final AttributeDefinitionStore store;
    private final Clock clock;
    private final Map<Long, Snapshot> cache = new ConcurrentHashMap<>();
    private final int perRequest;
    private final int perWorkspace;

    AttributeTypes(AttributeDefinitionStore store, Clock clock,
            @Value("${tendril.contacts.max-attributes-per-request:100}") int perRequest,
            @Value("${tendril.contacts.max-attribute-types:500}") int perWorkspace) {
        this.store = store;
        this.clock = clock;
        this.perRequest = perRequest;
        this.perWorkspace = perWorkspace;
    }

    /**
     * The attributes as they will be stored (dates as ISO text); misfits go to {@code errors} in API mode. A request
     * may carry at most {@code tendril.contacts.max-attributes-per-request} attributes, and a workspace may declare at
     * most {@code tendril.contacts.max-attribute-types}: past either, API input is refused and Segment traits beyond
     * them are left out (a batch is never refused for its traits).
     */
    public Map<String, Object> check(long workspaceId, Map<String, Object> attributes, Mode mode, List<FieldError> errors) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (attributes.size() > perRequest && mode == Mode.API) {
            errors.add(new FieldError("attributes", "has " + attributes.size() + " attributes; at most " + perRequest + " per request"));
            return out;
        }
        for (Map.Entry<String, Object> e : attributes.entrySet()) {
            if (out.size() == perRequest) {
                break;
            }
            Object value = e.getValue();
            if (value == null) {
                out.put(e.getKey(), null);
                continue;
            }
            AttributeType known = snapshot(workspaceId).types().get(e.getKey());
            if (known == null && snapshot(workspaceId).types().size() >= perWorkspace) {
                if (mode == Mode.API) {
                    errors.add(new FieldError("attributes." + e.getKey(), "is a new attribute, and the workspace has " + perWorkspace
                            + " already, the most it may have"));
                }
                continue;
            }
            AttributeType type = typeOf(workspaceId, e.getKey(), infer(value));
            Object converted = convert(value, type, mode);
            if (converted != null) {
                out.put(e.getKey(), converted);
            } else if (mode == Mode.API) {
                errors.add(new FieldError("attributes." + e.getKey(), "must be a " + type.dbValue() + " (its declared type)"));
            }
        }
        return out;
    }

    public Map<String, AttributeType> all(long workspaceId) {
        cache.remove(workspaceId);
        return new java.util.TreeMap<>(snapshot(workspaceId).types());
    }

    static AttributeType infer(Object value) {
        if (value instanceof Boolean) {
            return AttributeType.BOOLEAN;
        }
        if (value instanceof Number) {
            return AttributeType.NUMBER;
        }
        if (value instanceof List<?>) {
            return AttributeType.LIST;
        }
        if (value instanceof String s && (ISO_DATE.matcher(s).matches() || ISO_DATE_TIME.matcher(s).matches())) {
            return AttributeType.DATE;
        }
        return AttributeType.STRING;
    }

    /** The value in the attribute's type, or null when it does not fit and cannot be made to. */
    static Object convert(Object value, AttributeType type, Mode mode) {
        boolean lenient = mode == Mode.TRAITS;
        return switch (type) {
            case STRING -> value instanceof String ? value : lenient && !(value instanceof List) ? value.toString() : null;
            case NUMBER -> {
                if (value instanceof Number n) {
                    yield n instanceof Double d && !Double.isFinite(d) ? null : n; // 1e999 reads as infinity: no number to store
                }
                if (lenient && value instanceof String s) {
                    try {
                        yield new BigDecimal(s.strip());
                    } catch (NumberFormatException e) {
                        yield null;
                    }
                }
                yield null;
            }
            case BOOLEAN -> value instanceof Boolean ? value
                    : lenient && value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))
                            ? Boolean.valueOf(s) : null;
            case DATE -> value instanceof String s ? isoDate(s) : null;
            case LIST -> value instanceof List<?> ? value : lenient ? List.of(value) : null;
        };
    }

    private static String isoDate(String s) {
        try {
            if (ISO_DATE.matcher(s).matches()) {
                return LocalDate.parse(s).toString();
            }
            if (ISO_DATE_TIME.matcher(s).matches()) {
                return OffsetDateTime.parse(s.replaceAll("([+-]\\d{2})(\\d{2})$", "$1:$2")).toInstant().toString();
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }

    private AttributeType typeOf(long workspaceId, String name, AttributeType inferred) {
        AttributeType known = snapshot(workspaceId).types().get(name);
        if (known != null) {
            return known;
        }
        // Not cached: another transaction may just have declared it, so the database decides. The answer
        // is cached at once; should this transaction roll back, the next snapshot reload drops it again.
        AttributeType type = store.declare(workspaceId, name, inferred);
        snapshot(workspaceId).types().put(name, type);
        return type;
    }

    private Snapshot snapshot(long workspaceId) {
        Instant now = clock.instant();
        Snapshot s = cache.get(workspaceId);
        if (s == null || s.until().isBefore(now)) {
            s = new Snapshot(new ConcurrentHashMap<>(store.all(workspaceId)), now.plus(CACHE_TTL));
            cache.put(workspaceId, s);
        }
        return s;
    }
}
