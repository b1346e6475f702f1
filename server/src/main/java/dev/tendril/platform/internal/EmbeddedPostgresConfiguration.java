package dev.tendril.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts PostgreSQL from the bundled binaries when no {@code spring.datasource.url} is set, with
 * its data kept under {@code tendril.data-dir} so a restart keeps everything.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${tendril.data-dir:./data}") String dataDir) throws IOException {
        Path pgData = Path.of(dataDir).toAbsolutePath().resolve("postgres");
        Files.createDirectories(pgData);
        StalePostmaster.stopIfRunning(pgData);
        return EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                // stopped by this bean's close, after the beans that use it, not by a JVM hook racing Spring's shutdown
                .setRegisterShutdownHook(false)
                .setLocaleConfig("locale", "C.UTF-8")
                .setLocaleConfig("encoding", "UTF8")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("max_wal_size", "2GB")
                // Contacts and events can grow by thousands a second (an import, a burst of new people): with the
                // default 60 s the planner plans on statistics of a table a fraction of its size, and scans a whole
                // workspace where it should probe a key (docs/benchmarks.md, "stale statistics").
                .setServerConfig("autovacuum_naptime", "10s")
                .setPGStartupWait(java.time.Duration.ofSeconds(60))
                .start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres, @Value("${spring.datasource.hikari.maximum-pool-size:20}") int poolSize,
            @Value("${spring.datasource.hikari.connection-timeout:5000}") long connectionTimeoutMillis) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true");
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(poolSize);
        ds.setConnectionTimeout(connectionTimeoutMillis);
        ds.setPoolName("tendril-embedded");
        return ds;
    }
}
