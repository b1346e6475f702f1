package dev.tendril.contact.internal;

import dev.tendril.contact.ContactField;
import dev.tendril.platform.InvalidInputException;
import dev.tendril.platform.InvalidInputException.FieldError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which contact field each column of an import file fills, named as in the contacts API
 * ({@code email}, {@code firstName}, {@code company}, {@code attributes.plan}, …); a null target skips
 * the column. A column without a mapping fills the field its name spells, as exports write headers
 * ({@code First Name}, {@code E-mail}, {@code Email Address}, {@code user_id}), unless another column is
 * mapped to that field; else the custom attribute of its name.
 */
record ImportMapping(List<String> header, List<String> targets) {
    static final String ATTRIBUTE = "attributes.";
    private static final Set<String> FIELDS = Stream.concat(
            Arrays.stream(ContactField.values()).filter(f -> f != ContactField.ADDRESS).map(ContactField::jsonName),
            Stream.of("externalId", "company")).collect(Collectors.toUnmodifiableSet());
    /** Field by spelled header: every field's own name, and the names other tools' exports give some of them. */
    private static final Map<String, String> FIELD_OF_HEADER = Stream.concat(
            FIELDS.stream().map(f -> Map.entry(spelling(f), f)),
            Map.of("emailaddress", "email", "phonenumber", "phone", "jobtitle", "title", "userid", "externalId",
                    "companyname", "company").entrySet().stream())
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    /** Checks the requested mapping against the file's header; every problem is an error naming its parameter. */
    static ImportMapping resolve(List<String> header, Map<String, String> map, Set<String> skip) {
        if (header.stream().anyMatch(column -> column.indexOf('\u0000') >= 0)) {
            throw new InvalidInputException("header", "a column name must not contain the NUL character (\\u0000)");
        }
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (!column.isEmpty() && !seen.add(column)) {
                errors.add(new FieldError("header", "the column '" + column + "' appears twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors); // columns are mapped by name, so names must be unique first
        }
        map.keySet().stream().filter(c -> !seen.contains(c))
                .forEach(c -> errors.add(new FieldError("map." + c, "is not a column of the file; its columns are " + header)));
        skip.stream().filter(c -> !seen.contains(c))
                .forEach(c -> errors.add(new FieldError("skip", "'" + c + "' is not a column of the file; its columns are " + header)));

        Set<String> mapped = map.values().stream().map(String::strip).collect(Collectors.toSet());
        List<String> targets = new ArrayList<>();
        Map<String, String> columnOfTarget = new HashMap<>();
        for (String column : header) {
            String named = FIELD_OF_HEADER.get(spelling(column));
            String target = column.isEmpty() || skip.contains(column) ? null
                    : map.containsKey(column) ? map.get(column).strip()
                    : named != null && !mapped.contains(named) ? named : ATTRIBUTE + column;
            targets.add(target);
            if (target == null) {
                continue;
            }
            String problem = problem(target);
            if (problem != null) {
                errors.add(new FieldError("map." + column, problem));
            } else if (columnOfTarget.putIfAbsent(target, column) != null) {
                errors.add(new FieldError("map." + column, "fills '" + target + "' as the column '" + columnOfTarget.get(target) + "' does"));
            }
        }
        if (errors.isEmpty() && !targets.contains("email") && !targets.contains("externalId")) {
            errors.add(new FieldError("map", "no column fills email or externalId, which contacts are matched on"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ImportMapping(List.copyOf(header), Collections.unmodifiableList(targets));
    }

    /** The mapping as stored with the job: the target of each used column. */
    static ImportMapping stored(List<String> header, Map<String, String> columns) {
        return new ImportMapping(header, header.stream().map(columns::get).toList());
    }

    Map<String, String> columns() {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (targets.get(i) != null) {
                out.put(header.get(i), targets.get(i));
            }
        }
        return out;
    }

    /** A header as it is spelled: lower case, letters and digits only ("First Name" and "first_name" are "firstname"). */
    private static String spelling(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static String problem(String target) {
        if (target.startsWith(ATTRIBUTE)) {
            String name = target.substring(ATTRIBUTE.length());
            return name.isBlank() || name.length() > 100 ? "attribute names are 1 to 100 characters; map or skip the column" : null;
        }
        return FIELDS.contains(target) ? null
                : "'" + target + "' is not a contact field; use one of " + FIELDS.stream().sorted().toList() + " or attributes.NAME";
    }
}
