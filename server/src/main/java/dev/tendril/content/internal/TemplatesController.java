package dev.tendril.content.internal;

import dev.tendril.content.RenderInputs;
import dev.tendril.content.RenderedMessage;
import dev.tendril.platform.Ids;
import dev.tendril.platform.InvalidInputException;
import dev.tendril.platform.Page;
import dev.tendril.workspace.CurrentWorkspace;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
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

/** {@code /api/v1/templates}: versioned templates, their previews and batch renders (docs/templates.md). */
@RestController
@RequestMapping("/api/v1/templates")
@Tag(name = "Templates")
class TemplatesController {
    private final TemplateCatalog catalog;
    private final RenderSavedTemplates rendering;

    TemplatesController(TemplateCatalog catalog, RenderSavedTemplates rendering) {
        this.catalog = catalog;
        this.rendering = rendering;
    }

    @Operation(summary = "Create a template", description = "Body: name, channel (email, sms, push, webhook) and the channel's parts. "
            + "Validated at save: a syntax error, an unknown helper or a missing block is a 400 naming the part, line and column; "
            + "data outside the personalisation data comes back as warnings.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    TemplateView create(@RequestBody Map<String, Object> body) {
        return catalog.create(CurrentWorkspace.id(), body);
    }

    @GetMapping
    Page<TemplateView> list(@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return catalog.list(CurrentWorkspace.id(), cursor, limit);
    }

    @Operation(summary = "A template's latest version, or the one asked for")
    @GetMapping("/{id}")
    TemplateView get(@PathVariable String id, @RequestParam(required = false) Integer version) {
        return catalog.get(CurrentWorkspace.id(), id, version);
    }

    @Operation(summary = "Save a new version", description = "The body holds every part of the new version; the channel cannot change.")
    @PutMapping("/{id}")
    TemplateView update(@PathVariable String id, @RequestBody Map<String, Object> body) {
        return catalog.update(CurrentWorkspace.id(), id, body);
    }

    @Operation(summary = "All versions, newest first")
    @GetMapping("/{id}/versions")
    Page<TemplateView> versions(@PathVariable String id) {
        return new Page<>(catalog.versions(CurrentWorkspace.id(), id), null);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        catalog.delete(CurrentWorkspace.id(), id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Render a template for one contact", description = "Body: contactId, optional version, journey and trigger data, "
            + "and optionally unsaved parts (they replace the saved ones). Answers the rendered parts, dataUsed and personalizationScore.")
    @PostMapping("/{id}/preview")
    Map<String, Object> preview(@PathVariable String id, @RequestBody Map<String, Object> body) {
        return rendering.preview(CurrentWorkspace.id(), id, body);
    }

    @Operation(summary = "Render an unsaved template for one contact", description = "Body: channel, the parts, contactId.")
    @PostMapping("/preview")
    Map<String, Object> previewDraft(@RequestBody Map<String, Object> body) {
        return rendering.preview(CurrentWorkspace.id(), null, body);
    }

    @Operation(summary = "Render a template for many contacts", description = "Body: contactIds (at most 1,000), optional version and journey data. "
            + "Unknown contacts are left out; a contact whose render failed has an error.")
    @PostMapping("/{id}/render")
    Page<RenderedMessage> render(@PathVariable String id, @RequestBody Map<String, Object> body) {
        BodyFields.body(body);
        if (!(body.get("contactIds") instanceof List<?> ids)) {
            throw new InvalidInputException("contactIds", "is required: a list of contact ids");
        }
        List<Long> contactIds = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String contact = ids.get(i) instanceof String s ? s : null;
            int at = i;
            contactIds.add(Ids.CONTACT.parse(contact).orElseThrow(() -> new InvalidInputException("contactIds[" + at + "]", "is not a contact id")));
        }
        Integer version = body.get("version") instanceof Number n ? n.intValue() : null;
        @SuppressWarnings("unchecked")
        Map<String, Object> journey = body.get("journey") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        return new Page<>(rendering.render(CurrentWorkspace.id(), id, version, contactIds, RenderInputs.of(journey, Map.of())), null);
    }
}
