package dev.tendril.condition.internal;

import dev.tendril.condition.Comparison.Kind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The fields a condition can name: where each lives in SQL and in a snapshot, and what kind it is. */
public final class Fields {
    /** A field a condition reads. */
    public sealed interface Ref {
        boolean onCompany();
    }

    /**
     * A reserved contact or company field. {@code sql} reads it (dates already as {@code YYYY-MM-DD}
     * text, UTC); snapshots hold it under {@code name}.
     */
    public record Column(String name, Kind kind, String sql, boolean onCompany) implements Ref {}

    /** A custom attribute, a JSON value of any type. */
    public record Custom(String name, boolean onCompany) implements Ref {}

    private static final String UTC_DAY = "to_char(%s at time zone 'UTC', 'YYYY-MM-DD')";
    private static final Map<String, Column> COLUMNS = new LinkedHashMap<>();

    static {
        for (String[] text : new String[][] {{"email", "email"}, {"externalId", "external_id"}, {"firstName", "first_name"},
                {"lastName", "last_name"}, {"phone", "phone"}, {"title", "title"}, {"website", "website"}, {"gender", "gender"},
                {"username", "username"}, {"description", "description"}, {"timezone", "timezone"},
                {"lifecycleStage", "lifecycle_stage"}}) {
            contact(text[0], Kind.TEXT, "c." + text[1]);
        }
        for (String part : new String[] {"city", "country", "postalCode", "state", "street"}) {
            contact("address." + part, Kind.TEXT, "(c.address ->> '" + part + "')");
        }
        contact("birthday", Kind.DATE, "to_char(c.birthday, 'YYYY-MM-DD')");
        contact("createdAt", Kind.DATE, UTC_DAY.formatted("c.created_at"));
        contact("updatedAt", Kind.DATE, UTC_DAY.formatted("c.updated_at"));
        for (String[] text : new String[][] {{"name", "name"}, {"domain", "domain"}, {"industry", "industry"}, {"plan", "plan"},
                {"website", "website"}, {"externalId", "external_id"}}) {
            company(text[0], Kind.TEXT, "co." + text[1]);
        }
        company("employees", Kind.NUMBER, "co.employees");
        company("annualRevenue", Kind.NUMBER, "co.annual_revenue");
        company("createdAt", Kind.DATE, UTC_DAY.formatted("co.created_at"));
    }

    private Fields() {}

    private static void contact(String name, Kind kind, String sql) {
        COLUMNS.put(name, new Column(name, kind, sql, false));
    }

    private static void company(String name, Kind kind, String sql) {
        COLUMNS.put("company." + name, new Column("company." + name, kind, sql, true));
    }

    public static Optional<Ref> resolve(String field) {
        if (field.startsWith("attributes.") && field.length() > "attributes.".length()) {
            return Optional.of(new Custom(field.substring("attributes.".length()), false));
        }
        if (field.startsWith("company.attributes.") && field.length() > "company.attributes.".length()) {
            return Optional.of(new Custom(field.substring("company.attributes.".length()), true));
        }
        return Optional.ofNullable(COLUMNS.get(field));
    }

    public static Ref require(String field) {
        return resolve(field).orElseThrow(() -> new IllegalArgumentException("unknown field " + field));
    }

    /** The reserved field names, for error messages and docs. */
    public static Iterable<String> names() {
        return COLUMNS.keySet();
    }
}
