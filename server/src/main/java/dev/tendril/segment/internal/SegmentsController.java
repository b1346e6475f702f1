package dev.tendril.segment.internal;

import dev.tendril.contact.Contacts;
import dev.tendril.platform.Cursor;
import dev.tendril.platform.Ids;
import dev.tendril.platform.Page;
import dev.tendril.segment.SegmentCatalog;
import dev.tendril.workspace.CurrentWorkspace;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/segments}: dynamic segments, their members and history, and the preview of an unsaved condition. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Segments")
class SegmentsController {
    record MemberView(String id, String email, String name, Instant enteredAt) {}

    record SegmentRef(String id, String name, Instant enteredAt) {}

    record ChangeView(String contactId, String kind, Instant at) {}

    private final Segments segments;
    private final MembershipStore membership;
    private final Contacts contacts;

    SegmentsController(Segments segments, MembershipStore membership, Contacts contacts) {
        this.segments = segments;
        this.membership = membership;
        this.contacts = contacts;
    }

    @Operation(summary = "Create a dynamic segment", description = "Body: name, description, condition (docs/conditions.md). "
            + "The membership is computed before the answer.")
    @PostMapping("/segments")
    @ResponseStatus(HttpStatus.CREATED)
    SegmentView create(@RequestBody Map<String, Object> body) {
        return segments.create(CurrentWorkspace.id(), body);
    }

    @Operation(summary = "Count and sample the contacts an unsaved condition matches")
    @PostMapping("/segments/preview")
    Segments.Preview preview(@RequestBody Map<String, Object> body) {
        return segments.preview(CurrentWorkspace.id(), body);
    }

    @GetMapping("/segments")
    Page<SegmentView> list(@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return segments.list(CurrentWorkspace.id(), cursor, limit);
    }

    @GetMapping("/segments/{id}")
    SegmentView get(@PathVariable String id) {
        return segments.get(CurrentWorkspace.id(), id);
    }

    @Operation(summary = "Change a segment", description = "A changed condition is recomputed at once; entries and exits are recorded.")
    @PatchMapping("/segments/{id}")
    SegmentView patch(@PathVariable String id, @RequestBody Map<String, Object> body) {
        return segments.patch(CurrentWorkspace.id(), id, body);
    }

    @Operation(summary = "Delete a segment", description = "409 for a built-in segment.")
    @DeleteMapping("/segments/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        segments.delete(CurrentWorkspace.id(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/segments/{id}/members")
    Page<MemberView> members(@PathVariable String id, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        long workspaceId = CurrentWorkspace.id();
        Page<SegmentCatalog.Member> page = segments.members(workspaceId, segments.row(workspaceId, id).id(), cursor, limit);
        return new Page<>(page.data().stream().map(m -> new MemberView(m.contactId(), m.email(), m.name(), m.enteredAt())).toList(),
                page.nextCursor());
    }

    @Operation(summary = "The latest entries and exits of a segment, newest first")
    @GetMapping("/segments/{id}/history")
    Page<ChangeView> history(@PathVariable String id, @RequestParam(required = false) Integer limit) {
        long workspaceId = CurrentWorkspace.id();
        long segmentId = segments.row(workspaceId, id).id();
        return new Page<>(membership.history(workspaceId, segmentId, Cursor.limit(limit)).stream()
                .map(c -> new ChangeView(Ids.CONTACT.format(c.contactId()), c.kind(), c.at())).toList(), null);
    }

    @Operation(summary = "The dynamic segments a contact is in")
    @GetMapping("/contacts/{id}/segments")
    Page<SegmentRef> ofContact(@PathVariable String id) {
        long workspaceId = CurrentWorkspace.id();
        contacts.get(workspaceId, id);
        return new Page<>(membership.segmentsOf(workspaceId, Ids.CONTACT.require(id)).stream()
                .map(s -> new SegmentRef(Ids.SEGMENT.format(s.segmentId()), s.name(), s.enteredAt())).toList(), null);
    }
}
