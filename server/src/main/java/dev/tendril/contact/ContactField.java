package dev.tendril.contact;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reserved contact fields, named as Segment's reserved traits, with their columns. Every other
 * trait is a custom attribute.
 */
public enum ContactField {
    EMAIL("email", "email", Kind.EMAIL),
    FIRST_NAME("firstName", "first_name", Kind.TEXT),
    LAST_NAME("lastName", "last_name", Kind.TEXT),
    PHONE("phone", "phone", Kind.PHONE),
    TITLE("title", "title", Kind.TEXT),
    WEBSITE("website", "website", Kind.TEXT),
    BIRTHDAY("birthday", "birthday", Kind.DATE),
    GENDER("gender", "gender", Kind.TEXT),
    AVATAR("avatar", "avatar", Kind.TEXT),
    USERNAME("username", "username", Kind.TEXT),
    DESCRIPTION("description", "description", Kind.TEXT),
    ADDRESS("address", "address", Kind.ADDRESS),
    TIMEZONE("timezone", "timezone", Kind.TIMEZONE),
    LIFECYCLE_STAGE("lifecycleStage", "lifecycle_stage", Kind.STAGE);

    /** How a field's value is checked and stored. */
    public enum Kind { TEXT, EMAIL, PHONE, DATE, ADDRESS, TIMEZONE, STAGE }

    private static final Map<String, ContactField> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toMap(ContactField::jsonName, Function.identity()));

    private final String jsonName;
    private final String column;
    private final Kind kind;

    ContactField(String jsonName, String column, Kind kind) {
        this.jsonName = jsonName;
        this.column = column;
        this.kind = kind;
    }

    public String jsonName() {
        return jsonName;
    }

    public String column() {
        return column;
    }

    public Kind kind() {
        return kind;
    }

    public static Optional<ContactField> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
