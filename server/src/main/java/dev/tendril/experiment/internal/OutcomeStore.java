package dev.tendril.experiment.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Assignments and outcomes: who got which arm, and who was sent, opened, clicked or converted (once each). */
@Repository
class OutcomeStore {
    /** A stored assignment; {@code variantId} null is the holdout. */
    record Arm(Long variantId) {
        boolean holdout() {
            return variantId == null;
        }
    }

    /** Contacts assigned per variant id, and to the holdout. */
    record Assigned(Map<Long, Long> byVariant, long holdout) {}

    private final JdbcClient jdbc;

    OutcomeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Arm> assignment(long workspaceId, long experimentId, long contactId) {
        return jdbc.sql("select variant_id from experiment_assignment where workspace_id = ? and experiment_id = ? and contact_id = ?")
                .params(workspaceId, experimentId, contactId).query((rs, n) -> new Arm(rs.getObject(1, Long.class))).optional();
    }

    /** Stores the arm unless the contact has one already (a concurrent first assignment): the caller re-reads. */
    void assign(long workspaceId, long experimentId, long contactId, Long variantId, Instant now) {
        jdbc.sql("""
                insert into experiment_assignment (workspace_id, experiment_id, contact_id, variant_id, assigned_at)
                values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(workspaceId, experimentId, contactId, variantId, ExperimentStore.ts(now)).update();
    }

    /** Records a send or metric event; false when this contact already has one of this kind. */
    boolean record(long workspaceId, long experimentId, long contactId, String kind, Long variantId, Instant now) {
        return jdbc.sql("""
                insert into experiment_outcome (workspace_id, experiment_id, contact_id, kind, variant_id, at)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(workspaceId, experimentId, contactId, kind, variantId, ExperimentStore.ts(now)).update() == 1;
    }

    /** Sends and successes of the metric per variant id (variants without sends are absent). */
    Map<Long, ArmCounts> counts(ExperimentRow row) {
        Map<Long, ArmCounts> counts = new HashMap<>();
        jdbc.sql("""
                select variant_id, count(*) filter (where kind = 'send'), count(*) filter (where kind = ?)
                from experiment_outcome where workspace_id = ? and experiment_id = ? and variant_id is not null group by variant_id""")
                .params(row.metric().wire(), row.workspaceId(), row.id())
                .query(rs -> {
                    counts.put(rs.getLong(1), new ArmCounts(rs.getLong(2), rs.getLong(3)));
                });
        return counts;
    }

    Assigned assigned(ExperimentRow row) {
        Map<Long, Long> byVariant = new HashMap<>();
        long[] holdout = {0};
        jdbc.sql("select variant_id, count(*) from experiment_assignment where workspace_id = ? and experiment_id = ? group by variant_id")
                .params(row.workspaceId(), row.id())
                .query(rs -> {
                    Long variant = rs.getObject(1, Long.class);
                    if (variant == null) {
                        holdout[0] = rs.getLong(2);
                    } else {
                        byVariant.put(variant, rs.getLong(2));
                    }
                });
        return new Assigned(byVariant, holdout[0]);
    }

    /** Holdout contacts who did the metric anyway (a conversion without the message, say). */
    long holdoutSuccesses(ExperimentRow row) {
        return jdbc.sql("""
                select count(*) from experiment_outcome where workspace_id = ? and experiment_id = ? and variant_id is null and kind = ?""")
                .params(row.workspaceId(), row.id(), row.metric().wire()).query(Long.class).single();
    }
}
