package dev.tendril.content.internal;

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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/blocks}: the content library that templates include with {@code {{> name}}} (docs/templates.md). */
@RestController
@RequestMapping("/api/v1/blocks")
@Tag(name = "Content blocks")
class BlocksController {
    private final BlockLibrary library;

    BlocksController(BlockLibrary library) {
        this.library = library;
    }

    @Operation(summary = "Create a block", description = "Body: name, content, and for a dynamic block variants: "
            + "[{condition, content}], the first whose condition holds for the recipient is shown, else content.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    BlockView create(@RequestBody Map<String, Object> body) {
        return library.create(CurrentWorkspace.id(), body);
    }

    @GetMapping
    Page<BlockView> list(@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return library.list(CurrentWorkspace.id(), cursor, limit);
    }

    @GetMapping("/{id}")
    BlockView get(@PathVariable String id) {
        return library.get(CurrentWorkspace.id(), id);
    }

    @Operation(summary = "Save a new version of a block", description = "Its name cannot change: templates include it by name.")
    @PutMapping("/{id}")
    BlockView update(@PathVariable String id, @RequestBody Map<String, Object> body) {
        return library.update(CurrentWorkspace.id(), id, body);
    }

    @GetMapping("/{id}/versions")
    Page<BlockView> versions(@PathVariable String id) {
        return new Page<>(library.versions(CurrentWorkspace.id(), id), null);
    }

    @Operation(summary = "Delete a block", description = "Templates and blocks that include it become invalid until a block of that name exists again.")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        library.delete(CurrentWorkspace.id(), id);
        return ResponseEntity.noContent().build();
    }
}
