package dev.tendril.experiment.internal;

import dev.tendril.contact.Contacts;
import dev.tendril.experiment.ExperimentMetric;
import dev.tendril.experiment.VariantAssignment;
import dev.tendril.platform.ConflictException;
import dev.tendril.platform.Ids;
import dev.tendril.platform.JsonField;
import dev.tendril.platform.Page;
import dev.tendril.workspace.CurrentWorkspace;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
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
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/experiments}: A/B experiments and bandits, assignments, outcomes and results (docs/experiments.md). */
@RestController
@RequestMapping("/api/v1/experiments")
@Tag(name = "Experiments")
class ExperimentsController {
    record Recorded(boolean recorded) {}

    private static final Set<String> METRICS = Set.of("open", "click", "conversion");

    private final ExperimentDefinitions definitions;
    private final AssignVariants experiments;
    private final ExperimentResults results;
    private final Contacts contacts;

    ExperimentsController(ExperimentDefinitions definitions, AssignVariants experiments, ExperimentResults results, Contacts contacts) {
        this.definitions = definitions;
        this.experiments = experiments;
        this.results = results;
        this.contacts = contacts;
    }

    @Operation(summary = "Create a draft experiment", description = "Body: name, metric (open|click|conversion), mode (fixed|bandit), "
            + "holdoutPercent, minSamplePerVariant, alpha, variants [{key, name, weight, subject, preheader, html, text, templateId}].")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ExperimentView create(@RequestBody JsonNode body) {
        return definitions.create(CurrentWorkspace.id(), body);
    }

    @GetMapping
    Page<ExperimentView> list(@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return definitions.list(CurrentWorkspace.id(), cursor, limit);
    }

    @GetMapping("/{id}")
    ExperimentView get(@PathVariable String id) {
        return definitions.get(CurrentWorkspace.id(), id);
    }

    @Operation(summary = "Change a draft", description = "Fields given replace the stored ones; variants, when given, replace them all. 409 unless draft.")
    @PatchMapping("/{id}")
    ExperimentView patch(@PathVariable String id, @RequestBody JsonNode body) {
        return definitions.patch(CurrentWorkspace.id(), id, body);
    }

    @Operation(summary = "Delete an experiment that is not running")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        definitions.delete(CurrentWorkspace.id(), id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Start a draft: contacts can be assigned from now on")
    @PostMapping("/{id}/start")
    ExperimentView start(@PathVariable String id) {
        return definitions.start(CurrentWorkspace.id(), id);
    }

    @Operation(summary = "Complete a running experiment", description = "Optional body {\"winner\": key}; without a winner everyone "
            + "outside the holdout gets the first variant.")
    @PostMapping("/{id}/complete")
    ExperimentView complete(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        String winner = body == null || body.isNull() ? null
                : JsonField.root(body).object(Set.of("winner")).get("winner").optionalText(40);
        return definitions.complete(CurrentWorkspace.id(), id, winner);
    }

    @Operation(summary = "The arm of a contact", description = "Body {\"contactId\"}. The same contact keeps its arm; holdout: true means send nothing.")
    @PostMapping("/{id}/assignments")
    VariantAssignment assign(@PathVariable String id, @RequestBody JsonNode body) {
        long workspaceId = CurrentWorkspace.id();
        return experiments.assign(workspaceId, id, contact(workspaceId, JsonField.root(body).object(Set.of("contactId"))));
    }

    @Operation(summary = "Record that a contact's variant was sent", description = "Counted once per contact ({\"recorded\": false} when "
            + "already counted); 409 for a contact without an assignment or in the holdout.")
    @PostMapping("/{id}/sends")
    Recorded send(@PathVariable String id, @RequestBody JsonNode body) {
        long workspaceId = CurrentWorkspace.id();
        long contactId = contact(workspaceId, JsonField.root(body).object(Set.of("contactId")));
        boolean recorded = experiments.recordSend(workspaceId, id, contactId);
        if (!recorded) {
            requireAssigned(workspaceId, id, contactId);
        }
        return new Recorded(recorded);
    }

    @Operation(summary = "Record an open, click or conversion", description = "Body {\"contactId\", \"metric\"}. Counted once per contact "
            + "and metric; 409 for a contact without an assignment. May promote the winner of a fixed-horizon experiment.")
    @PostMapping("/{id}/outcomes")
    Recorded outcome(@PathVariable String id, @RequestBody JsonNode body) {
        long workspaceId = CurrentWorkspace.id();
        JsonField in = JsonField.root(body).object(Set.of("contactId", "metric"));
        ExperimentMetric metric = ExperimentMetric.valueOf(in.get("metric").oneOf(METRICS, null).toUpperCase());
        long contactId = contact(workspaceId, in);
        boolean recorded = experiments.recordOutcome(workspaceId, id, contactId, metric);
        if (!recorded) {
            requireAssigned(workspaceId, id, contactId);
        }
        return new Recorded(recorded);
    }

    @Operation(summary = "Per-variant sends, conversions, rate, 95% Wilson interval, probability to be best, allocation and winner")
    @GetMapping("/{id}/results")
    ExperimentResults.Results results(@PathVariable String id) {
        return results.of(CurrentWorkspace.id(), id);
    }

    /** False from recording is either "already counted" (idempotent: fine) or "never assigned" (the caller's mistake). */
    private void requireAssigned(long workspaceId, String id, long contactId) {
        if (!experiments.isAssigned(workspaceId, id, contactId)) {
            throw new ConflictException("contactId", "has no assignment in experiment " + id + "; assign it first");
        }
    }

    private long contact(long workspaceId, JsonField in) {
        return Ids.CONTACT.require(contacts.get(workspaceId, in.get("contactId").text(40)).id());
    }
}
