package dev.tendril.scoring.internal;

import dev.tendril.contact.ContactView;
import dev.tendril.contact.Contacts;
import dev.tendril.platform.Ids;
import dev.tendril.platform.InvalidInputException;
import dev.tendril.platform.NotFoundException;
import dev.tendril.platform.Page;
import dev.tendril.workspace.CurrentWorkspace;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A contact's score, score history, lifecycle stage and stage history. */
@RestController
@RequestMapping("/api/v1/contacts/{id}")
@Tag(name = "Scoring")
class ContactScoreController {
    private final Contacts contacts;
    private final ScoreStore scores;
    private final ExplainScore explain;
    private final StageStore stageHistory;
    private final StageChanges stages;
    private final Clock clock;

    ContactScoreController(Contacts contacts, ScoreStore scores, ExplainScore explain, StageStore stageHistory,
            StageChanges stages, Clock clock) {
        this.contacts = contacts;
        this.scores = scores;
        this.explain = explain;
        this.stageHistory = stageHistory;
        this.stages = stages;
        this.clock = clock;
    }

    @Operation(summary = "The contact's score", description = "Total, grade, temperature, fit and engagement, the breakdown "
            + "per category, every rule that fired and recommended next actions.")
    @GetMapping("/score")
    ScoreView score(@PathVariable String id) {
        long ws = CurrentWorkspace.id();
        long contactId = contacts.requireId(ws, id);
        return explain.of(ws, contactId)
                .orElseThrow(() -> new NotFoundException("contact", id));
    }

    @Operation(summary = "Every change of the contact's score, newest first, with its reason")
    @GetMapping("/score/history")
    Page<ScoreHistoryEntry> scoreHistory(@PathVariable String id, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        long ws = CurrentWorkspace.id();
        long contactId = contacts.requireId(ws, id);
        return Page.byId(cursor, limit, (after, n) -> scores.history(ws, contactId, after, n), ScoreHistoryEntry::id);
    }

    @Operation(summary = "Set the contact's lifecycle stage by hand", description = "{\"stage\": \"sql\", \"reason\": \"…\"}; "
            + "any stage, in any direction.")
    @PutMapping("/stage")
    ContactView setStage(@PathVariable String id, @RequestBody Map<String, Object> body) {
        long ws = CurrentWorkspace.id();
        ContactView contact = contacts.get(ws, id);
        Object stage = body.get("stage");
        if (!(stage instanceof String s) || !Stages.isStage(s)) {
            throw new InvalidInputException("stage", "must be one of subscriber, lead, mql, sql, opportunity, customer, evangelist, churned");
        }
        Object reason = body.get("reason");
        if (reason != null && (!(reason instanceof String r) || r.length() > 500)) {
            throw new InvalidInputException("reason", "must be text of up to 500 characters");
        }
        if (!s.equals(contact.lifecycleStage())) {
            stages.move(ws, Ids.CONTACT.require(id), contact.lifecycleStage(), s, (String) reason, clock.instant());
        }
        return contacts.get(ws, id);
    }

    @Operation(summary = "Every lifecycle-stage change of the contact, newest first")
    @GetMapping("/stage/history")
    Page<StageHistoryEntry> stageHistory(@PathVariable String id, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        long ws = CurrentWorkspace.id();
        long contactId = contacts.requireId(ws, id);
        return Page.byId(cursor, limit, (after, n) -> stageHistory.history(ws, contactId, after, n), StageHistoryEntry::id);
    }
}
