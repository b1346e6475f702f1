package dev.tendril.segment.internal;

import dev.tendril.platform.Cursor;
import dev.tendril.platform.Ids;
import dev.tendril.platform.Page;
import dev.tendril.segment.SegmentCatalog;
import dev.tendril.segment.SegmentSummary;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/** {@link SegmentCatalog} over the same services as the REST API. */
@Service
class SegmentCatalogService implements SegmentCatalog {
    private final Segments segments;
    private final Membership membership;
    private final Clock clock;

    SegmentCatalogService(Segments segments, Membership membership, Clock clock) {
        this.segments = segments;
        this.membership = membership;
        this.clock = clock;
    }

    @Override
    public Page<SegmentSummary> list(long workspaceId, String cursor, Integer limit) {
        Page<SegmentView> page = segments.list(workspaceId, cursor, limit);
        return new Page<>(page.data().stream().map(SegmentCatalogService::summary).toList(), page.nextCursor());
    }

    @Override
    public SegmentSummary get(long workspaceId, String segmentId) {
        return summary(segments.get(workspaceId, segmentId));
    }

    @Override
    public SegmentSummary create(long workspaceId, String name, String description, JsonNode condition) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("description", description);
        body.put("condition", condition);
        return summary(segments.create(workspaceId, body));
    }

    @Override
    public Preview preview(long workspaceId, JsonNode condition) {
        Map<String, Object> body = new HashMap<>();
        body.put("condition", condition);
        Segments.Preview p = segments.preview(workspaceId, body);
        return new Preview(p.count(), p.sample());
    }

    @Override
    public Page<Member> members(long workspaceId, String segmentId, String cursor, Integer limit) {
        long id = segments.row(workspaceId, segmentId).id();
        int n = Cursor.limit(limit);
        List<Member> rows = membership.members(workspaceId, id, Cursor.decode(cursor), n + 1).stream()
                .map(m -> new Member(Ids.CONTACT.format(m.contactId()), m.email(), m.name(), m.enteredAt())).toList();
        return Page.of(rows, n, last -> new Cursor(null, Ids.CONTACT.require(last.contactId())));
    }

    @Override
    public List<Change> changes(long workspaceId, String segmentId, int limit) {
        long id = segments.row(workspaceId, segmentId).id();
        return membership.history(id, limit).stream()
                .map(c -> new Change(Ids.CONTACT.format(c.contactId()), c.name(), c.kind(), c.at())).toList();
    }

    @Override
    public List<SizeAt> sizeOverTime(long workspaceId, String segmentId) {
        long id = segments.row(workspaceId, segmentId).id();
        return membership.sizeOverTime(workspaceId, id, clock.instant());
    }

    private static SegmentSummary summary(SegmentView v) {
        return new SegmentSummary(v.id(), v.name(), v.description(), v.condition(), v.conditionVersion(), v.builtIn(), v.size(),
                v.createdAt(), v.updatedAt());
    }
}
