package dev.tendril.scoring.internal;

import dev.tendril.condition.DerivedTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where conditions read a contact's scores ({@code score}, {@code grade}, {@code temperature}): this module's table. */
@Configuration(proxyBeanMethods = false)
class ScoreTable {
    @Bean
    DerivedTable contactScores() {
        return new DerivedTable.Scores("contact_score", "score", "fit_score", "engagement_score", "grade", "temperature");
    }
}
