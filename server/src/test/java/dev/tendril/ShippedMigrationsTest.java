package dev.tendril;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tendril.testing.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A migration that has shipped never changes: a data directory that applied it would refuse to start (Flyway's
 * checksum check), or would miss the change. {@code shipped-migrations.txt} holds each migration's version and checksum;
 * a new migration is added to it in the commit that writes it.
 */
@IntegrationTest
class ShippedMigrationsTest {
    @Autowired DataSource dataSource;

    @Test
    void shippedMigrationsKeepTheirVersionsAndChecksums() throws IOException {
        Map<String, Integer> resolved = new TreeMap<>();
        for (MigrationInfo m : Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().info().all()) {
            resolved.put(m.getVersion().getVersion() + " " + m.getDescription(), m.getChecksum());
        }
        Map<String, Integer> shipped = new TreeMap<>();
        try (InputStream in = getClass().getResourceAsStream("/shipped-migrations.txt")) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .forEach(l -> shipped.put(l.substring(0, l.lastIndexOf(' ')), Integer.parseInt(l.substring(l.lastIndexOf(' ') + 1))));
        }
        String listed = resolved.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("\n"));
        assertThat(resolved).as("migrations as they are now:%n%s", listed).containsAllEntriesOf(shipped);
        assertThat(resolved.keySet()).as("every migration is listed in shipped-migrations.txt; now:%n%s", listed)
                .isEqualTo(shipped.keySet());
    }
}
