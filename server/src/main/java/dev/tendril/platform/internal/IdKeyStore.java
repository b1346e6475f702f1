package dev.tendril.platform.internal;

import dev.tendril.platform.Ids;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Installs the database's id key (made at random by migration V36) as the context starts, before any request or
 * worker can format an id. Kept in the database rather than derived from the server's secret: every node and every
 * restart reads the same key, and changing the secret (which re-encrypts stored provider keys) leaves ids alone.
 */
@Component
@DependsOnDatabaseInitialization
class IdKeyStore {
    IdKeyStore(JdbcClient jdbc) {
        Ids.useKey(jdbc.sql("select key from id_key").query(byte[].class).single());
    }
}
