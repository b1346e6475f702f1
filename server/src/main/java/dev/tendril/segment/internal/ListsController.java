package dev.tendril.segment.internal;

import dev.tendril.platform.Page;
import dev.tendril.workspace.CurrentWorkspace;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/lists}: static lists of contacts. */
@RestController
@RequestMapping("/api/v1/lists")
@Tag(name = "Lists")
class ListsController {
    private final ContactLists lists;

    ListsController(ContactLists lists) {
        this.lists = lists;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ContactLists.ListView create(@RequestBody Map<String, Object> body) {
        return lists.create(CurrentWorkspace.id(), body);
    }

    @GetMapping
    Page<ContactLists.ListView> list(@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return lists.list(CurrentWorkspace.id(), cursor, limit);
    }

    @GetMapping("/{id}")
    ContactLists.ListView get(@PathVariable String id) {
        return lists.get(CurrentWorkspace.id(), id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        lists.delete(CurrentWorkspace.id(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/members")
    Page<ContactLists.MemberView> members(@PathVariable String id, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        return lists.members(CurrentWorkspace.id(), id, cursor, limit);
    }

    @Operation(summary = "Add contacts", description = "Body: {\"contactIds\": [\"ct_…\"]}; an unknown id is a 400 and adds nothing.")
    @PostMapping("/{id}/members")
    ContactLists.Result add(@PathVariable String id, @RequestBody Map<String, Object> body) {
        return lists.add(CurrentWorkspace.id(), id, body);
    }

    @Operation(summary = "Remove contacts", description = "Body: {\"contactIds\": [\"ct_…\"]}.")
    @DeleteMapping("/{id}/members")
    ContactLists.Result remove(@PathVariable String id, @RequestBody Map<String, Object> body) {
        return lists.remove(CurrentWorkspace.id(), id, body);
    }

    @Operation(summary = "Add contacts from CSV", description = "A CSV with an email or externalId column; rows naming no contact "
            + "are reported in unknown (row 1 is the first line after the header).")
    @PostMapping(path = "/{id}/members/csv", consumes = {"text/csv", "text/plain"})
    ContactLists.Result addCsv(@PathVariable String id, @RequestBody String csv) {
        return lists.addCsv(CurrentWorkspace.id(), id, csv);
    }
}
