package dev.tendril.contact.internal;

import dev.tendril.contact.internal.ContactInputParser.Mode;
import dev.tendril.platform.InvalidInputException.FieldError;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Parsed company fields (column → value) and custom attributes, from the API or from Segment group traits. */
record CompanyInput(Map<String, Object> columns, Map<String, Object> attributes, List<FieldError> errors) {
    private static final BigDecimal MAX_NUMBER = BigDecimal.TEN.pow(15);
    private static final Pattern DOMAIN = Pattern.compile("^(?=.{1,253}$)([a-z0-9-]{1,63}\\.)+[a-z]{2,63}$");

    static CompanyInput parse(Map<String, ?> input, Mode mode) {
        Map<String, Object> columns = new LinkedHashMap<>();
        Map<String, Object> attributes = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, ?> e : input.entrySet()) {
            String key = e.getKey();
            Object v = e.getValue();
            try {
                switch (key) {
                    case "name", "industry", "plan" -> columns.put(key, v == null ? null : text(v));
                    case "externalId" -> {
                        if (mode == Mode.API) {
                            columns.put("external_id", v == null ? null : text(v));
                        }
                    }
                    case "website" -> {
                        columns.put("website", v == null ? null : text(v));
                        if (v != null && !input.containsKey("domain")) {
                            String host = domainOf(text(v));
                            if (host != null) {
                                columns.put("domain", host);
                            }
                        }
                    }
                    case "domain" -> columns.put("domain", v == null ? null : domain(text(v)));
                    case "employees", "employee_count", "employeeCount" -> columns.put("employees", v == null ? null : number(v).intValueExact());
                    case "annualRevenue", "revenue", "annual_revenue" -> columns.put("annual_revenue", v == null ? null : number(v));
                    case "attributes" -> {
                        if (mode == Mode.API && v instanceof Map<?, ?> m) {
                            m.forEach((k, val) -> attributes.put(String.valueOf(k), val));
                        } else if (mode == Mode.API) {
                            throw new IllegalArgumentException("must be an object of custom attributes");
                        } else {
                            attributes.put(key, v);
                        }
                    }
                    case "id" -> { }
                    default -> {
                        if (mode == Mode.API) {
                            throw new IllegalArgumentException("is not a company field; put custom data under 'attributes'");
                        }
                        if (!(v instanceof Map)) {
                            attributes.put(key, v);
                        }
                    }
                }
            } catch (IllegalArgumentException | ArithmeticException bad) {
                if (mode == Mode.API) {
                    errors.add(new FieldError(key, bad instanceof ArithmeticException ? "must be a whole number" : bad.getMessage()));
                }
            }
        }
        return new CompanyInput(columns, attributes, errors);
    }

    private static String text(Object v) {
        if (v instanceof String s && s.length() <= 1000) {
            return s.strip();
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        throw new IllegalArgumentException("must be a string of at most 1000 characters");
    }

    /** A number below a quadrillion in size, to the millionth at most: PostgreSQL's numeric overflows past 131,072 digits. */
    private static BigDecimal number(Object v) {
        BigDecimal n;
        try {
            n = switch (v) {
                case Number number -> new BigDecimal(number.toString());
                case String s -> new BigDecimal(s.strip());
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException e) { // also Infinity and NaN, which a JSON number beyond the double range becomes
            throw new IllegalArgumentException("must be a number");
        }
        if (n.abs().compareTo(MAX_NUMBER) >= 0 || n.stripTrailingZeros().scale() > 6) {
            throw new IllegalArgumentException("must be less than 10^15 in size, with at most 6 decimals");
        }
        return n;
    }

    private static String domain(String raw) {
        String d = raw.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        if (!DOMAIN.matcher(d).matches()) {
            throw new IllegalArgumentException("is not a domain name such as acme.com");
        }
        return d;
    }

    static String domainOf(String website) {
        try {
            String url = website.contains("://") ? website : "https://" + website;
            String host = URI.create(url).getHost();
            return host == null ? null : domain(host);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
