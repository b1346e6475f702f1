package dev.tendril.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The one Spring context of the integration tests: a real server on a random port over one embedded
 * PostgreSQL per test JVM. Keep it identical everywhere (no per-class properties or mocks) so the
 * context, and so the database, is reused; isolate tests with a fresh {@link TestTenant} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // Rescore rounds of two contacts, so workspace rescores in tests run in several rounds at once. WireMock, playing
        // the providers Tendril calls, listens on the loopback address, which outbound calls reach only when allowed.
        properties = {"tendril.data-dir=target/test-data/${random.uuid}", "tendril.scoring.rescore-round=2",
                "tendril.outbound.allow-private-networks=true"})
@Import({TestTenants.class, RecordedContactsChanged.class, RecordedScoringEvents.class, QueryCounter.class})
public @interface IntegrationTest {}
