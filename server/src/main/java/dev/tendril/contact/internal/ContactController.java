package dev.tendril.contact.internal;

import dev.tendril.contact.ContactFilter;
import dev.tendril.contact.ContactView;
import dev.tendril.contact.Contacts;
import dev.tendril.contact.UpsertedContact;
import dev.tendril.platform.InvalidInputException;
import dev.tendril.platform.Page;
import dev.tendril.workspace.CurrentWorkspace;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/contacts}: fields named as Segment's reserved traits, custom data under {@code attributes}. */
@RestController
@RequestMapping("/api/v1/contacts")
@Tag(name = "Contacts")
class ContactController {
    private final Contacts contacts;

    ContactController(Contacts contacts) {
        this.contacts = contacts;
    }

    @Operation(summary = "Create a contact", description = "409 when the email or externalId belongs to another contact.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ContactView create(@RequestBody Map<String, Object> body) {
        return contacts.create(CurrentWorkspace.id(), body);
    }

    @Operation(summary = "Upsert by externalId, else email", description = "201 when created, 200 when updated.")
    @PutMapping
    ResponseEntity<ContactView> upsert(@RequestBody Map<String, Object> body) {
        UpsertedContact result = contacts.upsert(CurrentWorkspace.id(), body);
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result.contact());
    }

    @Operation(summary = "List contacts, newest first",
            description = "Filters: email, externalId, q (name or email contains), companyId, lifecycleStage, attr.NAME=value.")
    @GetMapping
    Page<ContactView> list(@RequestParam Map<String, String> params) {
        Map<String, String> attributes = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("attr.")) {
                attributes.put(k.substring(5), v);
            }
        });
        ContactFilter filter = new ContactFilter(params.get("email"), params.get("externalId"), params.get("q"),
                params.get("companyId"), params.get("lifecycleStage"), attributes);
        return contacts.list(CurrentWorkspace.id(), filter, params.get("cursor"), limit(params.get("limit")));
    }

    @GetMapping("/attributes")
    Map<String, String> attributeTypes() {
        Map<String, String> out = new LinkedHashMap<>();
        contacts.attributeTypes(CurrentWorkspace.id()).forEach((k, v) -> out.put(k, v.dbValue()));
        return out;
    }

    @GetMapping("/{id}")
    ContactView get(@PathVariable String id) {
        return contacts.get(CurrentWorkspace.id(), id);
    }

    @PatchMapping("/{id}")
    ContactView patch(@PathVariable String id, @RequestBody Map<String, Object> body) {
        return contacts.patch(CurrentWorkspace.id(), id, body);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        contacts.delete(CurrentWorkspace.id(), id);
        return ResponseEntity.noContent().build();
    }

    static Integer limit(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return Integer.valueOf(raw);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("limit", "must be a whole number");
        }
    }
}
