package dev.tendril.contact;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** A company as the API shows it. */
public record CompanyView(String id, String externalId, String name, String domain, String industry, Integer employees,
        BigDecimal annualRevenue, String plan, String website, Map<String, Object> attributes, Instant createdAt,
        Instant updatedAt) {}
