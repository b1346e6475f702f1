package dev.tendril.scoring.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Contacts due for a rescore ({@code score_pending}), each row with the reason it was noted for. */
@Repository
class ScorePendingStore {
    /** Rows noted for fresh events: their scores are due within a second, so their workspaces go first. */
    static final String EVENT_BATCH = "event batch";

    /** Claimed rows: how many, and each of their contacts with the reasons it was noted for, in claim order. */
    record Claimed(int rows, Map<Long, Set<String>> reasons) {}

    private final JdbcClient jdbc;

    ScorePendingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In the changing transaction. */
    void insert(long workspaceId, Collection<Long> contactIds, String reason) {
        jdbc.sql("insert into score_pending (workspace_id, contact_id, reason) select ?, unnest(?::bigint[]), ?")
                .params(workspaceId, contactIds.stream().mapToLong(Long::longValue).toArray(), reason).update();
    }

    /**
     * The workspaces with pending contacts, those with fresh events first, found by skipping along the index from one
     * workspace to the next rather than by grouping the whole backlog.
     */
    List<Long> workspaces() {
        return jdbc.sql("""
                with recursive ws(id) as (
                    (select workspace_id from score_pending order by workspace_id limit 1)
                    union all
                    select (select p.workspace_id from score_pending p where p.workspace_id > ws.id order by p.workspace_id limit 1)
                    from ws where ws.id is not null)
                select ws.id from ws cross join lateral (
                    select p.reason = ? as fresh, p.id as first from score_pending p where p.workspace_id = ws.id
                    order by (p.reason = ?) desc, p.id limit 1) f
                where ws.id is not null order by f.fresh desc, f.first""")
                .params(EVENT_BATCH, EVENT_BATCH).query(Long.class).list();
    }

    /**
     * Claims (deletes, in the caller's transaction) the pending rows of up to {@code limit} rows' contacts of the
     * workspace, fresh events first, skipping rows another node holds: all pending rows of a claimed contact go at
     * once, so a contact in twenty batches is rescored once.
     */
    Claimed claim(long workspaceId, int limit) {
        Map<Long, Set<String>> reasons = new LinkedHashMap<>();
        int[] rows = {0};
        jdbc.sql("""
                with picked as (select contact_id from score_pending where workspace_id = ?
                                order by reason = ? desc, id limit ? for update skip locked)
                delete from score_pending where workspace_id = ? and contact_id in (select contact_id from picked)
                returning reason, contact_id""")
                .params(workspaceId, EVENT_BATCH, limit, workspaceId)
                .query(rs -> {
                    rows[0]++;
                    reasons.computeIfAbsent(rs.getLong(2), c -> new TreeSet<>()).add(rs.getString(1));
                });
        return new Claimed(rows[0], reasons);
    }

    /**
     * Notes the contacts of the workspace scored before {@code cutoff} whose score can have drifted with time alone
     * (every scored contact when {@code everyone}, else those with activity points to decay) and are not pending
     * already; how many.
     */
    int noteScoredBefore(long workspaceId, Instant cutoff, boolean everyone, String reason) {
        return jdbc.sql("""
                insert into score_pending (workspace_id, contact_id, reason)
                select s.workspace_id, s.contact_id, ? from contact_score s
                where s.workspace_id = ? and s.scored_at < ? and (? or s.engagement_score > 0)
                  and not exists (select 1 from score_pending p where p.workspace_id = s.workspace_id and p.contact_id = s.contact_id)""")
                .params(reason, workspaceId, Timestamp.from(cutoff), everyone).update();
    }

    /** The workspaces with scored contacts. */
    List<Long> scoredWorkspaces() {
        return jdbc.sql("select distinct workspace_id from contact_score").query(Long.class).list();
    }

    long depth() {
        return jdbc.sql("select count(*) from score_pending").query(Long.class).single();
    }
}
