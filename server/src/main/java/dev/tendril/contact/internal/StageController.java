package dev.tendril.contact.internal;

import dev.tendril.contact.ContactView;
import dev.tendril.contact.Contacts;
import dev.tendril.contact.LifecycleStages;
import dev.tendril.platform.Ids;
import dev.tendril.platform.InvalidInputException;
import dev.tendril.platform.Page;
import dev.tendril.workspace.CurrentWorkspace;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A contact's lifecycle stage and its history. */
@RestController
@RequestMapping("/api/v1/contacts/{id}")
@Tag(name = "Scoring")
class StageController {
    private final Contacts contacts;
    private final LifecycleStages stages;
    private final StageHistoryStore history;

    StageController(Contacts contacts, LifecycleStages stages, StageHistoryStore history) {
        this.contacts = contacts;
        this.stages = stages;
        this.history = history;
    }

    @Operation(summary = "Set the contact's lifecycle stage by hand", description = "{\"stage\": \"sql\", \"reason\": \"…\"}; "
            + "any stage, in any direction.")
    @PutMapping("/stage")
    ContactView setStage(@PathVariable String id, @RequestBody Map<String, Object> body) {
        long ws = CurrentWorkspace.id();
        contacts.get(ws, id);
        Object stage = body.get("stage");
        if (!(stage instanceof String s) || !LifecycleStages.isStage(s)) {
            throw new InvalidInputException("stage", "must be one of " + String.join(", ", LifecycleStages.ORDER) + ", "
                    + LifecycleStages.CHURNED);
        }
        Object reason = body.get("reason");
        if (reason != null && (!(reason instanceof String r) || r.length() > 500)) {
            throw new InvalidInputException("reason", "must be text of up to 500 characters");
        }
        stages.move(ws, Ids.CONTACT.require(id), s, (String) reason);
        return contacts.get(ws, id);
    }

    @Operation(summary = "Every lifecycle-stage change of the contact, newest first")
    @GetMapping("/stage/history")
    Page<StageHistoryEntry> stageHistory(@PathVariable String id, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        long ws = CurrentWorkspace.id();
        long contactId = contacts.requireId(ws, id);
        return Page.byId(cursor, limit, (after, n) -> history.history(ws, contactId, after, n), Ids.STAGE_CHANGE, StageHistoryEntry::id);
    }
}
