package dev.tendril;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar under concurrent tracking load, killed the way a machine dies: the JVM and its embedded PostgreSQL
 * at once, with SIGKILL, at random moments, several times. After each restart on the same data directory, what was
 * acknowledged is stored exactly once and what is derived from it equals a recomputation. The run's random choices
 * come from a seed printed first; {@code -Dtendril.crash.seed=N} replays them (the timing is the machine's).
 */
class CrashIT {
    static final int CLIENTS = 4;
    static final int PEOPLE = 300;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dataDir;

    @Test
    void acknowledgedEventsSurviveKillingEverythingMidLoad() throws Exception {
        long seed = Long.getLong("tendril.crash.seed", System.nanoTime());
        int kills = Integer.getInteger("tendril.crash.kills", 4);
        System.out.println("CrashIT seed=" + seed + " (replay with -Dtendril.crash.seed=" + seed + ")");
        Random random = new Random(seed);
        long began = System.nanoTime();
        try (TendrilProcess tendril = new TendrilProcess(dataDir, Path.of("target/crash-it/kill-" + seed + ".log"), Map.of());
                TrackingLoad load = new TrackingLoad(tendril.uri("/"), CLIENTS, PEOPLE, seed)) {
            tendril.start();
            assertThat(putScoringModel(tendril).statusCode()).isEqualTo(200);
            load.start();
            int processesKilled = 0;
            StoredState.Figures figures = null;
            for (int k = 1; k <= kills; k++) {
                load.awaitAcknowledged(10, Duration.ofSeconds(60));
                Thread.sleep(random.nextInt(2_500)); // the random moment: mid-ingestion, mid-rescore, mid-commit
                processesKilled += tendril.killEverything();
                load.pause();
                try {
                    tendril.start();
                    figures = verify(tendril, load);
                } finally {
                    load.resume();
                }
                System.out.printf("CrashIT kill %d: %d batches acknowledged so far; after the restart %d events, %d contacts verified%n",
                        k, load.batchesAcknowledged.get(), figures.events(), figures.contacts());
            }
            load.awaitAcknowledged(10, Duration.ofSeconds(60));
            load.finish(Duration.ofSeconds(60));
            figures = verify(tendril, load);

            assertThat(load.unexpected).as("answers other than 200 and 503").isEmpty();
            assertThat(load.acknowledged).as("every batch sent was in the end acknowledged").isEqualTo(load.sent);
            assertThat(load.unavailableWithoutRetryAfter).as("503s without Retry-After").hasValue(0);
            System.out.printf("RESULT crash seed=%d kills_survived=%d processes_killed=%d batches_acknowledged=%d batches_retried=%d "
                            + "events_acknowledged=%d events_verified=%d contacts_verified=%d counter_rows_verified=%d answers=%s "
                            + "connection_failures=%d seconds=%d%n",
                    seed, kills, processesKilled, load.batchesAcknowledged.get(), load.batchesRetried.get(), load.acknowledged.size(),
                    figures.events(), figures.contacts(), figures.counters(), load.statuses, load.connectionFailures.get(),
                    Duration.ofNanos(System.nanoTime() - began).toSeconds());
        }
    }

    /**
     * An external PostgreSQL crashed under load and started again 12 s later (longer than API keys stay cached): while it
     * is down, ingestion and the REST API answer 503 with {@code Retry-After}, which clients retry, never a 500 nor
     * silence; afterwards the same Tendril process takes batches again, and every acknowledged one is stored exactly once.
     */
    @Test
    void aCrashedExternalDatabaseCostsRetriesNotEvents() throws Exception {
        long seed = Long.getLong("tendril.crash.seed", System.nanoTime());
        System.out.println("CrashIT seed=" + seed + " (replay with -Dtendril.crash.seed=" + seed + ")");
        Duration outage = Duration.ofSeconds(12);
        try (ExternalPostgres postgres = ExternalPostgres.start(dataDir.resolve("postgres"), Path.of("target/crash-it/external-postgres-" + seed + ".log"));
                TendrilProcess tendril = new TendrilProcess(dataDir.resolve("tendril"), Path.of("target/crash-it/external-" + seed + ".log"),
                        Map.of("SPRING_DATASOURCE_URL", postgres.jdbcUrl(), "SPRING_DATASOURCE_USERNAME", "postgres",
                                "SPRING_DATASOURCE_PASSWORD", ""));
                TrackingLoad load = new TrackingLoad(tendril.uri("/"), CLIENTS, PEOPLE, seed)) {
            tendril.start();
            assertThat(putScoringModel(tendril).statusCode()).isEqualTo(200);
            load.start();
            load.awaitAcknowledged(20, Duration.ofSeconds(60));

            postgres.crash();
            int unavailableBefore = load.status(503);
            List<String> probes = new ArrayList<>();
            long until = System.nanoTime() + outage.toNanos();
            while (System.nanoTime() < until) {
                for (String path : PROBED) {
                    probes.add(path + " " + probe(tendril, path));
                }
            }
            postgres.restart();
            int unavailableDuringOutage = load.status(503) - unavailableBefore;
            assertThat(probes).as("REST answers while the database is down").allMatch(p -> p.endsWith(" 503 Retry-After: 1"));
            assertThat(unavailableDuringOutage).as("ingestion's 503s while the database was down").isPositive();

            load.awaitAcknowledged(20, Duration.ofSeconds(60));
            assertThat(tendril.isAlive()).as("the same Tendril process recovered").isTrue();
            load.finish(Duration.ofSeconds(60));
            StoredState.Figures figures;
            try (Connection db = postgres.connect()) {
                StoredState.awaitDrained(db, Duration.ofSeconds(60));
                figures = StoredState.verify(db, Set.copyOf(load.acknowledged), Set.copyOf(load.sent), true);
            }
            assertThat(load.unexpected).as("answers other than 200 and 503").isEmpty();
            assertThat(load.acknowledged).as("every batch sent was in the end acknowledged").isEqualTo(load.sent);
            assertThat(load.unavailableWithoutRetryAfter).as("503s without Retry-After").hasValue(0);
            assertThat(load.connectionFailures).as("ingestion requests left without an answer for 30 s").hasValue(0);
            System.out.printf("RESULT crash-external seed=%d outage_seconds=%d ingestion_503s_while_down=%d rest_probes_while_down=%d "
                            + "batches_acknowledged=%d batches_retried=%d events_verified=%d contacts_verified=%d answers=%s%n",
                    seed, outage.toSeconds(), unavailableDuringOutage, probes.size(), load.batchesAcknowledged.get(),
                    load.batchesRetried.get(), figures.events(), figures.contacts(), load.statuses);
        }
    }

    /** REST reads that need the database: the secret key's lookup, a list, the scoring model. */
    static final List<String> PROBED = List.of("/api/v1/contacts?limit=5", "/api/v1/scoring/model");

    /** The status and Retry-After of one REST read; "no answer" when none came within 20 s. */
    static String probe(TendrilProcess tendril, String path) throws InterruptedException {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(tendril.uri(path)).timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + TendrilProcess.SECRET_KEY).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " Retry-After: " + response.headers().firstValue("Retry-After").orElse("none");
        } catch (IOException e) {
            return "no answer (" + e + ")";
        }
    }

    /** With no request under way: settings, exactly-once, counters and behaviour, then scores once the pending work drained. */
    static StoredState.Figures verify(TendrilProcess tendril, TrackingLoad load) throws IOException, SQLException, InterruptedException {
        try (Connection db = tendril.embeddedDatabase()) {
            StoredState.assertCrashSafeSettings(db);
            StoredState.awaitDrained(db, Duration.ofSeconds(60));
            return StoredState.verify(db, Set.copyOf(load.acknowledged), Set.copyOf(load.sent), true);
        }
    }

    static HttpResponse<String> putScoringModel(TendrilProcess tendril) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(tendril.uri("/api/v1/scoring/model")).header("Authorization", "Bearer " + TendrilProcess.SECRET_KEY)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(StoredState.SCORING_MODEL)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
