package dev.tendril.segment.internal;

import dev.tendril.platform.Cursor;
import dev.tendril.segment.SegmentCatalog;
import dev.tendril.segment.SegmentEntered;
import dev.tendril.segment.SegmentExited;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Query;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Segment membership: brings it in line with a condition in one statement (new members inserted,
 * leavers deleted, both recorded in the history) and publishes {@link SegmentEntered} /
 * {@link SegmentExited}, which listeners see after the caller's transaction commits.
 */
@Repository
class MembershipStore {
    /** A member of a segment and since when. */
    record Member(long contactId, Instant enteredAt) {}

    /** A segment a contact is in. */
    record SegmentOf(long segmentId, String name, Instant enteredAt) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final PendingChangeStore pending;

    MembershipStore(JdbcClient jdbc, ApplicationEventPublisher events, PendingChangeStore pending) {
        this.jdbc = jdbc;
        this.events = events;
        this.pending = pending;
    }

    /**
     * Brings the segment's members in line with {@code matching} (the condition's compiled query, from
     * {@code Conditions.matchingQuery}) for all contacts of the workspace ({@code among} null) or for these
     * contacts only; returns how many entered and exited. The caller holds the segment row's lock.
     * When other segments of the workspace read segment membership, the contacts that entered or
     * exited are noted for their real-time re-evaluation.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int[] reconcile(long workspaceId, long segmentId, Query matching, Instant now, long[] among) {
        Timestamp at = Timestamp.from(now);
        List<Object> params = new ArrayList<>(matching.getBindValues());
        params.addAll(List.of(workspaceId, segmentId, at, segmentId, segmentId));
        if (among != null) {
            params.add(among);
        }
        params.addAll(List.of(workspaceId, segmentId, at, workspaceId, segmentId, at));
        // New members' contacts are locked as the foreign key would lock them, but first and skipping the ones a
        // concurrent delete or merge took away meanwhile, so that race leaves them out instead of failing the round.
        // One index probe per new member (lateral), never a scan of the workspace's contacts.
        String sql = "with matching as (" + matching.getSQL() + "),"
                + " entered as (insert into segment_membership (workspace_id, segment_id, contact_id, entered_at)"
                + "   select ?, ?, x.id, ? from matching x"
                + "   cross join lateral (select 1 from contact k where k.id = x.id for key share) kept"
                + "   where not exists (select 1 from segment_membership s where s.segment_id = ? and s.contact_id = x.id)"
                + "   on conflict do nothing returning contact_id),"
                + " exited as (delete from segment_membership m where m.segment_id = ?"
                + (among == null ? "" : " and m.contact_id = any(?)")
                + "   and not exists (select 1 from matching x where x.id = m.contact_id) returning contact_id),"
                + " history as (insert into segment_membership_event (workspace_id, segment_id, contact_id, kind, at)"
                + "   select ?::bigint, ?::bigint, contact_id, 'entered', ?::timestamptz from entered"
                + "   union all select ?::bigint, ?::bigint, contact_id, 'exited', ?::timestamptz from exited)"
                + " select contact_id, true as entered from entered union all select contact_id, false from exited";
        int[] counts = new int[2];
        List<Long> changed = new ArrayList<>();
        jdbc.sql(sql).params(params).query((rs, n) -> {
            long contactId = rs.getLong(1);
            changed.add(contactId);
            if (rs.getBoolean(2)) {
                counts[0]++;
                events.publishEvent(new SegmentEntered(workspaceId, segmentId, contactId));
            } else {
                counts[1]++;
                events.publishEvent(new SegmentExited(workspaceId, segmentId, contactId));
            }
            return null;
        }).list();
        if (!changed.isEmpty() && jdbc.sql("select exists (select 1 from segment where workspace_id = ? and reads_memberships and id <> ?)")
                .params(workspaceId, segmentId).query(Boolean.class).single()) {
            pending.insert(workspaceId, changed.stream().mapToLong(Long::longValue).sorted().toArray(), ChangeKind.MEMBERSHIPS);
        }
        return counts;
    }

    /** Takes the contact out of every segment it is in, recording and publishing each exit (it is being deleted or merged away). */
    @Transactional(propagation = Propagation.MANDATORY)
    void leaveAll(long workspaceId, long contactId, Instant now) {
        jdbc.sql("""
                with left_segments as (delete from segment_membership where workspace_id = ? and contact_id = ? returning segment_id),
                     history as (insert into segment_membership_event (workspace_id, segment_id, contact_id, kind, at)
                                 select ?, segment_id, ?, 'exited', ? from left_segments)
                select segment_id from left_segments order by segment_id""")
                .params(workspaceId, contactId, workspaceId, contactId, Timestamp.from(now))
                .query(Long.class).list()
                .forEach(segmentId -> events.publishEvent(new SegmentExited(workspaceId, segmentId, contactId)));
    }

    long[] memberIds(long workspaceId, long segmentId) {
        return jdbc.sql("select contact_id from segment_membership where workspace_id = ? and segment_id = ?").params(workspaceId, segmentId)
                .query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
    }

    long size(long workspaceId, long segmentId) {
        return jdbc.sql("select count(*) from segment_membership where workspace_id = ? and segment_id = ?").params(workspaceId, segmentId)
                .query(Long.class).single();
    }

    /** Members by contact id, after the cursor's id. */
    List<Member> members(long workspaceId, long segmentId, Cursor after, int limit) {
        return jdbc.sql("""
                select contact_id, entered_at from segment_membership
                where segment_id = ? and workspace_id = ? and contact_id > ? order by contact_id limit ?""")
                .params(segmentId, workspaceId, after == null ? 0 : after.id(), limit)
                .query((rs, n) -> new Member(rs.getLong(1), rs.getTimestamp(2).toInstant()))
                .list();
    }

    List<SegmentOf> segmentsOf(long workspaceId, long contactId) {
        return jdbc.sql("""
                select s.id, s.name, m.entered_at from segment_membership m join segment s on s.id = m.segment_id
                where m.workspace_id = ? and m.contact_id = ? order by s.id""")
                .params(workspaceId, contactId)
                .query((rs, n) -> new SegmentOf(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** Entries and exits of a segment, newest first. */
    List<Change> history(long workspaceId, long segmentId, int limit) {
        return jdbc.sql("""
                select contact_id, kind, at from segment_membership_event where workspace_id = ? and segment_id = ?
                order by id desc limit ?""")
                .params(workspaceId, segmentId, limit)
                .query((rs, n) -> new Change(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    record Change(long contactId, String kind, Instant at) {}

    /**
     * The size after each hour or day with entries or exits, oldest first (entries minus exits,
     * cumulated): by hour when the first entry is less than three days before {@code now}, else by day.
     */
    List<SegmentCatalog.SizeAt> sizeOverTime(long workspaceId, long segmentId, Instant now) {
        Timestamp first = jdbc.sql("select min(at) from segment_membership_event where segment_id = ? and workspace_id = ?")
                .params(segmentId, workspaceId).query(Timestamp.class).list().getFirst();
        if (first == null) {
            return List.of();
        }
        String unit = first.toInstant().isAfter(now.minus(Duration.ofDays(3))) ? "hour" : "day";
        return jdbc.sql("""
                select bucket, sum(delta) over (order by bucket) from (
                    select date_trunc(?, at, 'UTC') as bucket, sum(case when kind = 'entered' then 1 else -1 end) as delta
                    from segment_membership_event where segment_id = ? and workspace_id = ? group by 1) d
                order by bucket""")
                .params(unit, segmentId, workspaceId)
                .query((rs, n) -> new SegmentCatalog.SizeAt(rs.getTimestamp(1).toInstant(), rs.getLong(2)))
                .list();
    }
}
