package dev.tendril.segment.internal;

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
    private final MembershipStore membership;
    private final Clock clock;

    SegmentCatalogService(Segments segments, MembershipStore membership, Clock clock) {
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
        return segments.members(workspaceId, segments.row(workspaceId, segmentId).id(), cursor, limit);
    }

    @Override
    public List<Change> changes(long workspaceId, String segmentId, int limit) {
        return segments.changes(workspaceId, segments.row(workspaceId, segmentId).id(), limit);
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
