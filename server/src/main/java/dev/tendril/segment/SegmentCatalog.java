package dev.tendril.segment;

import dev.tendril.contact.ContactView;
import dev.tendril.platform.Page;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Dynamic segments for other modules (the web UI), with the REST API's rules: unknown ids are a
 * {@code NotFoundException}, bad input an {@code InvalidInputException} naming the field
 * ({@code condition.and[0].op}).
 */
public interface SegmentCatalog {

    Page<SegmentSummary> list(long workspaceId, String cursor, Integer limit);

    SegmentSummary get(long workspaceId, String segmentId);

    /** Stores the segment and computes its membership before returning. */
    SegmentSummary create(long workspaceId, String name, String description, JsonNode condition);

    /** The count and a sample of the contacts an unsaved condition matches. */
    Preview preview(long workspaceId, JsonNode condition);

    Page<Member> members(long workspaceId, String segmentId, String cursor, Integer limit);

    /** The latest entries and exits, newest first. */
    List<Change> changes(long workspaceId, String segmentId, int limit);

    /**
     * The size after each hour (when the first entry is less than three days old) or each day with
     * entries or exits, oldest first: the entries minus the exits, cumulated.
     */
    List<SizeAt> sizeOverTime(long workspaceId, String segmentId);

    record Preview(long count, List<ContactView> sample) {}

    record Member(String contactId, String email, String name, Instant enteredAt) {}

    /** {@code name} is the contact's name, else its email; null when it has neither or is gone. */
    record Change(String contactId, String name, String kind, Instant at) {}

    record SizeAt(Instant at, long size) {}
}
