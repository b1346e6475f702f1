package dev.tendril;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tendril.platform.IdPermutation;
import dev.tendril.platform.Ids;
import dev.tendril.testing.IntegrationTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Migrations that convert stored data: each test has a database of its own, migrated to the version
 * before, given rows the way the code of then wrote them, then migrated on.
 */
@IntegrationTest
class DataMigrationsTest {
    @Autowired DataSource dataSource;

    /** V15 turns the JSON explanation of stored scores into the compact columns. */
    @Test
    void scoresStoredAsJsonKeepTheirExplanation() throws SQLException {
        withDatabase("14", (jdbc, migrateOn) -> {
            long ws = jdbc.sql("insert into workspace (slug, name) values ('m', 'M') returning id").query(Long.class).single();
            // Version 2 moves "Phone given" in front of the other demographic rules and renames a firmographic one.
            jdbc.sql("""
                    insert into scoring_model (workspace_id, version, definition) values (?, 2, '{"categories": {
                      "demographics": {"rules": [{"name": "Phone given"}, {"name": "Senior title"}]},
                      "firmographics": {"rules": [{"name": "Big company"}]}, "behavior": {"rules": [{"name": "Page views"}]},
                      "engagement": {"rules": []}, "recency": {"rules": []}, "predictive": {"rules": []}}}')""")
                    .param(ws).update();
            long a = contact(jdbc, ws);
            long b = contact(jdbc, ws);
            score(jdbc, ws, a, 1, """
                    {"breakdown": {"demographics": 20.0, "firmographics": 10.0, "behavior": 12.0, "engagement": 0.0, "recency": -3.5,
                     "predictive": 0.0},
                     "rules": [{"category": "demographics", "name": "Senior title", "points": 15.0},
                               {"category": "demographics", "name": "Business email", "points": 5.0},
                               {"category": "firmographics", "name": "Target industry", "points": 10.0},
                               {"category": "behavior", "name": "Page views", "points": 12.0},
                               {"category": "recency", "name": "Inactivity decay", "points": -3.5}],
                     "recommendations": [{"action": "re_engagement_campaign", "reason": "Inactive for 41 days"},
                                         {"action": "nurture", "reason": "Good fit with little engagement"}]}""");
            score(jdbc, ws, b, 2, """
                    {"breakdown": {"demographics": 20.0, "firmographics": 10.0, "behavior": 3.0, "engagement": 0.0, "recency": 0.0,
                     "predictive": 4.0},
                     "rules": [{"category": "demographics", "name": "Senior title", "points": 15.0},
                               {"category": "demographics", "name": "Phone given", "points": 5.0},
                               {"category": "firmographics", "name": "Big company", "points": 10.0},
                               {"category": "behavior", "name": "Page views", "points": 3.0},
                               {"category": "predictive", "name": "Predictive model", "points": 4.0}],
                     "recommendations": []}""");

            migrateOn.run();

            Map<String, Object> first = stored(jdbc, a);
            assertThat(first).containsEntry("breakdown", "{20,10,12,0,-3.5,0}").containsEntry("fired", "{0,2,7,8,-1}")
                    .containsEntry("fired_points", "{15,5,10,12,-3.5}").containsEntry("advice", "{re_engagement_campaign,nurture}")
                    .containsEntry("advice_reasons", "{\"Inactive for 41 days\",\"Good fit with little engagement\"}");
            Map<String, Object> second = stored(jdbc, b);
            assertThat(second).containsEntry("fired", "{1,0,2,3,-2}").containsEntry("fired_points", "{15,5,10,3,4}")
                    .containsEntry("advice", "{}").containsEntry("advice_reasons", "{}");
            assertThat(jdbc.sql("select column_name from information_schema.columns where table_name = 'contact_score'")
                    .query(String.class).list()).doesNotContain("result");
        });
    }

    /**
     * A data directory written by the last release (schema V34) migrates cleanly: its pending segment changes are kept,
     * and V35 lets stage moves be noted as a kind of their own.
     */
    @Test
    void theLastReleasesDatabaseMigratesAndKeepsItsPendingChanges() throws SQLException {
        withDatabase("34", (jdbc, migrateOn) -> {
            long ws = jdbc.sql("insert into workspace (slug, name) values ('r', 'R') returning id").query(Long.class).single();
            long a = contact(jdbc, ws);
            jdbc.sql("insert into segment_pending (workspace_id, contact_ids, reads) values (?, ?, 'contactData')")
                    .params(ws, new long[] {a}).update();

            migrateOn.run();

            assertThat(jdbc.sql("select reads from segment_pending where workspace_id = ?").param(ws).query(String.class).list())
                    .containsExactly("contactData");
            jdbc.sql("insert into segment_pending (workspace_id, contact_ids, reads) values (?, ?, 'stage')")
                    .params(ws, new long[] {a}).update();
            assertThat(jdbc.sql("select count(*) from segment_pending where workspace_id = ?").param(ws).query(Long.class).single())
                    .isEqualTo(2);
        });
    }

    /**
     * V36 gives the database its id key and rewrites the API ids stored definitions hold from the old form (row id in base
     * 36) to the opaque one: lists and segments named by conditions, templates named by experiment variants.
     */
    @Test
    void storedDefinitionsNameTheSameRowsWithOpaqueIds() throws SQLException {
        withDatabase("35", (jdbc, migrateOn) -> {
            long ws = jdbc.sql("insert into workspace (slug, name) values ('o', 'O') returning id").query(Long.class).single();
            long segment = jdbc.sql("""
                    insert into segment (workspace_id, name, condition, time_relative)
                    values (?, 'Nested', '{"and": [{"inSegment": "sg_c"}, {"not": {"inList": "ls_2s"}}, {"stage": "lead"}]}', false)
                    returning id""").param(ws).query(Long.class).single();
            jdbc.sql("""
                    insert into scoring_model (workspace_id, version, definition)
                    values (?, 1, '{"categories": {"demographics": {"rules": [{"name": "Listed", "condition": {"inList": "ls_1"}}]}}}')""")
                    .param(ws).update();
            long block = jdbc.sql("insert into content_block (workspace_id, name, version) values (?, 'offer', 1) returning id").param(ws)
                    .query(Long.class).single();
            jdbc.sql("""
                    insert into content_block_version (block_id, workspace_id, version, content, variants, refs)
                    values (?, ?, 1, 'default', '[{"condition": {"inSegment": "sg_3"}, "content": "vip"}]', '{}')""")
                    .params(block, ws).update();
            long experiment = jdbc.sql("""
                    insert into experiment (workspace_id, name, metric, mode, holdout_percent, min_sample_per_variant, alpha, created_at,
                        updated_at)
                    values (?, 'E', 'open', 'fixed', 0, 100, 0.05, now(), now()) returning id""").param(ws).query(Long.class).single();
            jdbc.sql("""
                    insert into experiment_variant (workspace_id, experiment_id, position, key, weight, template_id)
                    values (?, ?, 0, 'a', 1, 'tp_7'), (?, ?, 1, 'b', 1, 'not an id')""").params(ws, experiment, ws, experiment).update();

            migrateOn.run();

            IdPermutation key = new IdPermutation(jdbc.sql("select key from id_key").query(byte[].class).single());
            assertThat(jdbc.sql("select condition::text from segment where id = ?").param(segment).query(String.class).single())
                    .isEqualTo("{\"and\": [{\"inSegment\": \"%s\"}, {\"not\": {\"inList\": \"%s\"}}, {\"stage\": \"lead\"}]}"
                            .formatted(Ids.SEGMENT.format(12, key), Ids.LIST.format(100, key)));
            assertThat(jdbc.sql("select definition #>> '{categories,demographics,rules,0,condition,inList}' from scoring_model")
                    .query(String.class).single()).isEqualTo(Ids.LIST.format(1, key));
            assertThat(jdbc.sql("select variants #>> '{0,condition,inSegment}' from content_block_version where block_id = ?").param(block)
                    .query(String.class).single()).isEqualTo(Ids.SEGMENT.format(3, key));
            assertThat(jdbc.sql("select template_id from experiment_variant where experiment_id = ? order by position").param(experiment)
                    .query(String.class).list()).containsExactly(Ids.TEMPLATE.format(7, key), "not an id");
            assertThat(Ids.TEMPLATE.format(7, key)).matches("tp_[0-9a-z]{13}");
        });
    }

    interface MigratedTest {
        void run(JdbcClient jdbc, Runnable migrateOn);
    }

    /** A new database migrated to {@code version}; {@code migrateOn} takes it to the latest. Dropped afterwards. */
    private void withDatabase(String version, MigratedTest test) throws SQLException {
        JdbcClient server = JdbcClient.create(dataSource);
        String name = "migration_" + System.nanoTime();
        server.sql("create database " + name).update();
        String url;
        String user;
        try (Connection c = dataSource.getConnection()) {
            url = c.getMetaData().getURL().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
            user = c.getMetaData().getUserName();
        }
        try (SingleConnectionDataSource db = new SingleConnectionDataSource(url, user, null, true)) {
            FluentConfiguration flyway = Flyway.configure().dataSource(db).locations("classpath:db/migration").outOfOrder(true);
            flyway.target(version).load().migrate();
            test.run(JdbcClient.create(db), () -> flyway.target("latest").load().migrate());
        } finally {
            server.sql("drop database if exists " + name + " with (force)").update();
        }
    }

    private static long contact(JdbcClient jdbc, long ws) {
        return jdbc.sql("insert into contact (workspace_id) values (?) returning id").param(ws).query(Long.class).single();
    }

    private static void score(JdbcClient jdbc, long ws, long contact, int version, String result) {
        jdbc.sql("""
                insert into contact_score (contact_id, workspace_id, score, fit_score, engagement_score, grade, temperature, result,
                    model_version, scored_at)
                values (?, ?, 38.5, 30, 8.5, 'C', 'cold', ?::jsonb, ?, now())""")
                .params(contact, ws, result, version).update();
    }

    private static Map<String, Object> stored(JdbcClient jdbc, long contact) {
        return jdbc.sql("""
                select breakdown::text as breakdown, fired::text as fired, fired_points::text as fired_points, advice::text as advice,
                    advice_reasons::text as advice_reasons
                from contact_score where contact_id = ?""").param(contact).query().singleRow();
    }
}
