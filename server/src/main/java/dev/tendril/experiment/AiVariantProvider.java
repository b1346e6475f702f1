package dev.tendril.experiment;

import java.util.List;

/**
 * A service that proposes subject-line and preheader variants for an experiment (a Spring bean; the
 * workspace's AI settings name the one to use by its {@link #id()}). It is called only for a
 * workspace that has configured it, and only when a marketer asks for proposals; nothing it
 * proposes is used until a marketer accepts it.
 */
public interface AiVariantProvider {

    /** Where and as whom to call; {@code apiKey} is null when none is configured. */
    record Connection(String baseUrl, String model, String apiKey) {}

    /** What to propose: {@code count} new variants unlike {@code current}, for an experiment on {@code metric}. */
    record Brief(String experimentName, ExperimentMetric metric, List<Suggestion> current, int count, String instructions) {}

    /** One proposal; {@code preheader} may be null. */
    record Suggestion(String subject, String preheader) {}

    /** The provider failed or answered something unusable; answered as 502. */
    class ProviderException extends RuntimeException {
        public ProviderException(String message) {
            super(message);
        }

        public ProviderException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    String id();

    /** At most {@code brief.count()} suggestions, at least one. */
    List<Suggestion> propose(Connection connection, Brief brief);
}
