package dev.tendril.contact.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.tendril.contact.ContactChanges;
import dev.tendril.contact.ContactChanges.CompanyRef;
import dev.tendril.contact.ContactField;
import dev.tendril.platform.Ids;
import dev.tendril.platform.InvalidInputException.FieldError;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a JSON object into {@link ContactChanges}. {@link Mode#API} is strict: an unknown field or a
 * bad value is an error naming the field. {@link Mode#TRAITS} reads Segment traits: any unknown
 * trait is a custom attribute and a bad value is left out, since an event is never refused for its traits.
 */
public final class ContactInputParser {
    public enum Mode { API, TRAITS }

    public record Result(ContactChanges changes, List<FieldError> errors) {}

    public static final Set<String> STAGES =
            Set.of("subscriber", "lead", "mql", "sql", "opportunity", "customer", "evangelist", "churned");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]{2,}$");
    private static final Set<String> ADDRESS_KEYS = Set.of("city", "country", "postalCode", "state", "street");
    private static final Set<String> IGNORED_TRAITS = Set.of("id", "userId", "anonymousId");
    private static final int MAX_TEXT = 1000;
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    private ContactInputParser() {}

    public static Result parse(Map<String, ?> input, Mode mode) {
        Map<ContactField, Object> fields = new LinkedHashMap<>();
        Map<String, Object> attributes = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        ContactChanges.Identity identity = null;
        CompanyRef company = null;
        for (Map.Entry<String, ?> e : input.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            var field = ContactField.byName(key);
            if (field.isPresent()) {
                try {
                    fields.put(field.get(), value == null ? null : normalize(field.get(), value, input));
                } catch (IllegalArgumentException bad) {
                    errors.add(new FieldError(key, bad.getMessage()));
                }
                continue;
            }
            switch (key) {
                case "externalId" -> {
                    if (mode == Mode.API) {
                        if (value != null && !(value instanceof String s && !s.isBlank() && s.length() <= 255)) {
                            errors.add(new FieldError(key, "must be a string of 1 to 255 characters"));
                        } else {
                            identity = new ContactChanges.Identity((String) value);
                        }
                    } else {
                        attributes.put(key, value);
                    }
                }
                case "name" -> splitName(value, input, fields);
                case "companyId" -> {
                    if (value == null) {
                        company = new CompanyRef.None();
                    } else if (value instanceof String s && Ids.COMPANY.parse(s).isPresent()) {
                        company = new CompanyRef.ById(Ids.COMPANY.parse(s).getAsLong());
                    } else {
                        errors.add(new FieldError(key, "is not a company id"));
                    }
                }
                case "company" -> {
                    if (value instanceof String s && !s.isBlank()) {
                        company = new CompanyRef.ByTraits(Map.of("name", s.strip()));
                    } else if (value instanceof Map<?, ?> m) {
                        @SuppressWarnings("unchecked") Map<String, Object> traits = (Map<String, Object>) m;
                        company = new CompanyRef.ByTraits(traits);
                    } else if (value == null) {
                        company = new CompanyRef.None();
                    } else {
                        errors.add(new FieldError(key, "must be a company name or an object of company traits"));
                    }
                }
                case "attributes" -> {
                    if (mode == Mode.API && value instanceof Map<?, ?> m) {
                        m.forEach((k, v) -> putAttribute(String.valueOf(k), v, attributes, errors, mode, "attributes."));
                    } else if (mode == Mode.API) {
                        errors.add(new FieldError(key, "must be an object of custom attributes"));
                    } else {
                        putAttribute(key, value, attributes, errors, mode, "");
                    }
                }
                default -> {
                    if (mode == Mode.API) {
                        errors.add(new FieldError(key, "is not a contact field; put custom data under 'attributes'"));
                    } else if (!IGNORED_TRAITS.contains(key)) {
                        putAttribute(key, value, attributes, errors, mode, "");
                    }
                }
            }
        }
        if (mode == Mode.TRAITS) {
            errors.clear();
        }
        return new Result(new ContactChanges(fields, attributes, identity, company), errors);
    }

    private static void splitName(Object value, Map<String, ?> input, Map<ContactField, Object> fields) {
        if (!(value instanceof String name) || name.isBlank()) {
            return;
        }
        String[] parts = name.strip().split("\\s+", 2);
        if (!input.containsKey("firstName")) {
            fields.put(ContactField.FIRST_NAME, parts[0]);
        }
        if (parts.length > 1 && !input.containsKey("lastName")) {
            fields.put(ContactField.LAST_NAME, parts[1]);
        }
    }

    private static void putAttribute(String name, Object value, Map<String, Object> out, List<FieldError> errors, Mode mode,
            String path) {
        if (name.isBlank() || name.length() > 100) {
            errors.add(new FieldError(path + name, "attribute names are 1 to 100 characters"));
            return;
        }
        if (value instanceof Map<?, ?> nested) {
            if (mode == Mode.API) {
                errors.add(new FieldError(path + name, "objects are not an attribute type; use string, number, boolean, date or list"));
            } else {
                nested.forEach((k, v) -> putAttribute(name + "." + k, v, out, errors, mode, path));
            }
            return;
        }
        if (value instanceof List<?> list && list.stream().anyMatch(v -> v instanceof Map || v instanceof List)) {
            errors.add(new FieldError(path + name, "lists hold only strings, numbers and booleans"));
            return;
        }
        if (value instanceof String s && s.length() > MAX_TEXT) {
            errors.add(new FieldError(path + name, "is longer than " + MAX_TEXT + " characters"));
            return;
        }
        out.put(name, value);
    }

    static Object normalize(ContactField field, Object value, Map<String, ?> input) {
        return switch (field.kind()) {
            case TEXT -> text(value);
            case EMAIL -> {
                String s = text(value).strip().toLowerCase(Locale.ROOT);
                if (s.length() > 254 || !EMAIL.matcher(s).matches()) {
                    throw new IllegalArgumentException("is not a valid email address");
                }
                yield s;
            }
            case PHONE -> phone(text(value), input);
            case DATE -> date(value);
            case ADDRESS -> address(value);
            case TIMEZONE -> {
                String zone = text(value).strip();
                if (!ZONES.contains(zone)) {
                    throw new IllegalArgumentException("is not an IANA time zone such as Europe/Berlin");
                }
                yield zone;
            }
            case STAGE -> {
                String stage = text(value).strip().toLowerCase(Locale.ROOT);
                if (!STAGES.contains(stage)) {
                    throw new IllegalArgumentException("must be one of " + String.join(", ", STAGES.stream().sorted().toList()));
                }
                yield stage;
            }
        };
    }

    private static String text(Object value) {
        if (value instanceof String s) {
            if (s.length() > MAX_TEXT) {
                throw new IllegalArgumentException("is longer than " + MAX_TEXT + " characters");
            }
            return s;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw new IllegalArgumentException("must be a string");
    }

    private static String phone(String raw, Map<String, ?> input) {
        String region = null;
        if (input.get("address") instanceof Map<?, ?> address && address.get("country") instanceof String c && c.length() == 2) {
            region = c.toUpperCase(Locale.ROOT);
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            Phonenumber.PhoneNumber number = util.parse(raw, region);
            if (!util.isValidNumber(number)) {
                throw new IllegalArgumentException("is not a valid phone number");
            }
            return util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("is not a phone number in E.164 form such as +14155550123");
        }
    }

    static LocalDate date(Object value) {
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException("must be a date such as 1990-04-21");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(s.length() > 10 ? OffsetDateTime.parse(s).toLocalDate().toString() : s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be a date such as 1990-04-21");
        }
        if (date.getYear() < 1) {
            throw new IllegalArgumentException("must be a date from the year 1 on"); // PostgreSQL has no year 0: it would store 1 BC
        }
        return date;
    }

    private static Map<String, String> address(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("must be an object with city, country, postalCode, state, street");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String k = String.valueOf(e.getKey());
            if (!ADDRESS_KEYS.contains(k)) {
                throw new IllegalArgumentException("has an unknown part '" + k + "'; use city, country, postalCode, state, street");
            }
            if (e.getValue() != null) {
                out.put(k, text(e.getValue()));
            }
        }
        return out;
    }
}
