package dev.tendril.event.internal;

import dev.tendril.event.BehaviorMetric;
import dev.tendril.event.BehaviorView;
import dev.tendril.platform.Ids;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per-contact behaviour rows; callers hold the contacts' derived-state locks ({@code ContactLocks.derivedState}, or {@code ContactLocks.exclusive}) while they fold. */
@Repository
class BehaviorStore {
    private static final String METRIC_COLUMNS = Arrays.stream(BehaviorMetric.values()).map(BehaviorMetric::column)
            .collect(Collectors.joining(", "));

    private final JdbcClient jdbc;

    BehaviorStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored behaviour of these contacts; empty for those with none yet. Callers hold their contacts' locks, so all exist. */
    Map<Long, BehaviorState> load(long workspaceId, long[] contactIds) {
        Map<Long, BehaviorState> out = new HashMap<>();
        for (long id : contactIds) {
            out.put(id, BehaviorState.empty());
        }
        stored(workspaceId, contactIds).forEach(out::put);
        return out;
    }

    /** The behaviour of those of these contacts that have any, in one query. */
    private Map<Long, BehaviorState> stored(long workspaceId, long[] contactIds) {
        Map<Long, BehaviorState> out = new HashMap<>();
        jdbc.sql("select b.contact_id, b.first_seen_at, b.last_seen_at, b.sessions, b.time_on_site_seconds, " + prefixed()
                        + " from contact_behavior b where b.workspace_id = ? and b.contact_id = any(?)")
                .params(workspaceId, contactIds)
                .query(rs -> {
                    out.put(rs.getLong(1), stateAt(rs, 2));
                });
        return out;
    }

    void save(long workspaceId, Map<Long, BehaviorState> states) {
        if (states.isEmpty()) {
            return;
        }
        int n = states.size();
        int metrics = BehaviorMetric.values().length;
        long[] ids = new long[n];
        String[] first = new String[n];
        String[] last = new String[n];
        int[] sessions = new int[n];
        long[] seconds = new long[n];
        int[][] counts = new int[metrics][n];
        int i = 0;
        for (Map.Entry<Long, BehaviorState> e : states.entrySet()) {
            BehaviorState s = e.getValue();
            ids[i] = e.getKey();
            first[i] = s.firstSeen().toString();
            last[i] = s.lastSeen().toString();
            sessions[i] = s.sessions();
            seconds[i] = s.timeOnSiteSeconds();
            for (BehaviorMetric m : BehaviorMetric.values()) {
                counts[m.ordinal()][i] = s.count(m);
            }
            i++;
        }
        StringBuilder sql = new StringBuilder("insert into contact_behavior (contact_id, workspace_id, first_seen_at, last_seen_at, sessions, time_on_site_seconds, ")
                .append(METRIC_COLUMNS).append(") select id, ?, f::timestamptz, l::timestamptz, s, t");
        for (BehaviorMetric m : BehaviorMetric.values()) {
            sql.append(", m").append(m.ordinal());
        }
        sql.append(" from unnest(?::bigint[], ?::text[], ?::text[], ?::int[], ?::bigint[]");
        for (int k = 0; k < metrics; k++) {
            sql.append(", ?::int[]");
        }
        sql.append(") as u(id, f, l, s, t");
        for (BehaviorMetric m : BehaviorMetric.values()) {
            sql.append(", m").append(m.ordinal());
        }
        sql.append(") on conflict (contact_id) do update set first_seen_at = excluded.first_seen_at, last_seen_at = excluded.last_seen_at, ")
                .append("sessions = excluded.sessions, time_on_site_seconds = excluded.time_on_site_seconds, updated_at = now()");
        for (BehaviorMetric m : BehaviorMetric.values()) {
            sql.append(", ").append(m.column()).append(" = excluded.").append(m.column());
        }
        Object[] params = new Object[6 + metrics];
        params[0] = workspaceId;
        params[1] = ids;
        params[2] = first;
        params[3] = last;
        params[4] = sessions;
        params[5] = seconds;
        for (int k = 0; k < metrics; k++) {
            params[6 + k] = counts[k];
        }
        jdbc.sql(sql.toString()).params(params).update();
    }

    void delete(long workspaceId, long contactId) {
        jdbc.sql("delete from contact_behavior where workspace_id = ? and contact_id = ?").params(workspaceId, contactId).update();
    }

    Optional<BehaviorView> find(long workspaceId, long contactId) {
        return jdbc.sql("select b.first_seen_at, b.last_seen_at, b.sessions, b.time_on_site_seconds, " + prefixed()
                        + " from contact_behavior b where b.workspace_id = ? and b.contact_id = ?")
                .params(workspaceId, contactId)
                .query((rs, n) -> view(contactId, stateAt(rs, 1)))
                .optional();
    }

    /** The behaviour of those of these contacts that have any, in one query. */
    Map<Long, BehaviorView> findAll(long workspaceId, long[] contactIds) {
        Map<Long, BehaviorView> out = new HashMap<>();
        stored(workspaceId, contactIds).forEach((id, state) -> out.put(id, view(id, state)));
        return out;
    }

    static BehaviorView view(long contactId, BehaviorState s) {
        return new BehaviorView(Ids.CONTACT.format(contactId), s.firstSeen(), s.lastSeen(), s.sessions(), s.returnVisits(),
                Math.round(s.timeOnSiteSeconds() / 6.0) / 10.0, s.count(BehaviorMetric.PAGE_VIEWS),
                s.count(BehaviorMetric.PRICING_PAGE_VIEWS), s.count(BehaviorMetric.DEMO_REQUESTS),
                s.count(BehaviorMetric.TRIAL_SIGNUPS), s.count(BehaviorMetric.CONTENT_DOWNLOADS),
                s.count(BehaviorMetric.VIDEO_WATCHES), s.count(BehaviorMetric.WEBINAR_ATTENDANCE));
    }

    private static String prefixed() {
        return Arrays.stream(BehaviorMetric.values()).map(m -> "b." + m.column()).collect(Collectors.joining(", "));
    }

    private static BehaviorState stateAt(ResultSet rs, int first) throws SQLException {
        Map<BehaviorMetric, Integer> counts = new EnumMap<>(BehaviorMetric.class);
        for (BehaviorMetric m : BehaviorMetric.values()) {
            counts.put(m, rs.getInt(first + 4 + m.ordinal()));
        }
        return new BehaviorState(instant(rs.getTimestamp(first)), instant(rs.getTimestamp(first + 1)), rs.getInt(first + 2),
                rs.getLong(first + 3), counts);
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
