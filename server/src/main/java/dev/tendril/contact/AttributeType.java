package dev.tendril.contact;

/** The type of a custom attribute, fixed by the first value it receives. */
public enum AttributeType {
    STRING, NUMBER, BOOLEAN, DATE, LIST;

    public String dbValue() {
        return name().toLowerCase();
    }

    public static AttributeType of(String dbValue) {
        return valueOf(dbValue.toUpperCase());
    }
}
