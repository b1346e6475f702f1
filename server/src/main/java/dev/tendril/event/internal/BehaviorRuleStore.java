package dev.tendril.event.internal;

import dev.tendril.event.BehaviorRule;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code behavior_rule} rows: which events feed which behaviour metric, per workspace. */
@Repository
class BehaviorRuleStore {
    private final JdbcClient jdbc;

    BehaviorRuleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<BehaviorRule> list(long workspaceId) {
        return jdbc.sql("select metric, event_type, event_name, path_contains from behavior_rule where workspace_id = ? order by id")
                .param(workspaceId)
                .query((rs, n) -> new BehaviorRule(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    void deleteAll(long workspaceId) {
        jdbc.sql("delete from behavior_rule where workspace_id = ?").param(workspaceId).update();
    }

    void insert(long workspaceId, List<BehaviorRule> rules) {
        for (BehaviorRule r : rules) {
            jdbc.sql("insert into behavior_rule (workspace_id, metric, event_type, event_name, path_contains) values (?, ?, ?, ?, ?)")
                    .params(workspaceId, r.metric(), r.eventType(), r.eventName(), r.pathContains()).update();
        }
    }
}
