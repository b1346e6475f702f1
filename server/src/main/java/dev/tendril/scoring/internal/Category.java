package dev.tendril.scoring.internal;

import java.util.Arrays;
import java.util.Optional;

/** The scoring model's rule categories. Fit is demographics + firmographics; engagement is behavior + engagement + recency. */
enum Category {
    DEMOGRAPHICS("demographics"), FIRMOGRAPHICS("firmographics"), BEHAVIOR("behavior"), ENGAGEMENT("engagement"),
    RECENCY("recency"), PREDICTIVE("predictive");

    private final String jsonName;

    Category(String jsonName) {
        this.jsonName = jsonName;
    }

    String jsonName() {
        return jsonName;
    }

    boolean isFit() {
        return this == DEMOGRAPHICS || this == FIRMOGRAPHICS;
    }

    boolean isEngagement() {
        return this == BEHAVIOR || this == ENGAGEMENT || this == RECENCY;
    }

    static Optional<Category> byName(String name) {
        return Arrays.stream(values()).filter(c -> c.jsonName.equals(name)).findFirst();
    }
}
