package dev.tendril.scoring.internal;

import dev.tendril.contact.Contacts;
import dev.tendril.platform.Ids;
import dev.tendril.platform.NotFoundException;
import dev.tendril.platform.Page;
import dev.tendril.workspace.CurrentWorkspace;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A contact's score and score history. */
@RestController
@RequestMapping("/api/v1/contacts/{id}")
@Tag(name = "Scoring")
class ContactScoreController {
    private final Contacts contacts;
    private final ScoreStore scores;
    private final ExplainScore explain;

    ContactScoreController(Contacts contacts, ScoreStore scores, ExplainScore explain) {
        this.contacts = contacts;
        this.scores = scores;
        this.explain = explain;
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
        return Page.byId(cursor, limit, (after, n) -> scores.history(ws, contactId, after, n), Ids.SCORE_CHANGE, ScoreHistoryEntry::id);
    }
}
