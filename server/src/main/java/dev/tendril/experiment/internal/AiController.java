package dev.tendril.experiment.internal;

import dev.tendril.experiment.AiVariantProvider;
import dev.tendril.platform.Page;
import dev.tendril.workspace.CurrentWorkspace;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** AI-assisted variants: the workspace's provider settings, and proposals for a draft experiment. */
@RestController
@RequestMapping("/api/v1/experiments")
@Tag(name = "Experiments")
class AiController {
    private final AiSettings settings;
    private final AiProposals proposals;

    AiController(AiSettings settings, AiProposals proposals) {
        this.settings = settings;
        this.proposals = proposals;
    }

    @Operation(summary = "The AI provider settings", description = "Never shows the API key, only apiKeySet.")
    @GetMapping("/ai-settings")
    AiSettings.View getSettings() {
        return settings.get(CurrentWorkspace.id());
    }

    @Operation(summary = "Configure an OpenAI-compatible provider", description = "Body: baseUrl (e.g. https://api.openai.com/v1), model, "
            + "apiKey (stored encrypted; null removes it, absent keeps it). Until this is set no provider is ever called.")
    @PutMapping("/ai-settings")
    AiSettings.View putSettings(@RequestBody JsonNode body) {
        return settings.put(CurrentWorkspace.id(), body);
    }

    @Operation(summary = "Turn AI proposals off and forget the key")
    @DeleteMapping("/ai-settings")
    ResponseEntity<Void> deleteSettings() {
        settings.delete(CurrentWorkspace.id());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Ask the provider for subject-line and preheader variants", description = "Body: optional count (1-10) and "
            + "instructions. Stored as pending proposals; nothing is used until accepted. 409 when AI is not configured or the "
            + "experiment is not a draft; 502 when the provider fails.")
    @PostMapping("/{id}/ai-proposals")
    @ResponseStatus(HttpStatus.CREATED)
    Page<AiProposals.ProposalView> propose(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        return new Page<>(proposals.propose(CurrentWorkspace.id(), id, body), null);
    }

    @GetMapping("/{id}/ai-proposals")
    Page<AiProposals.ProposalView> list(@PathVariable String id) {
        return new Page<>(proposals.list(CurrentWorkspace.id(), id), null);
    }

    @Operation(summary = "Accept a proposal: it becomes a variant of the draft")
    @PostMapping("/{id}/ai-proposals/{proposalId}/accept")
    ExperimentView accept(@PathVariable String id, @PathVariable String proposalId) {
        return proposals.accept(CurrentWorkspace.id(), id, proposalId);
    }

    @ExceptionHandler(AiVariantProvider.ProviderException.class)
    ProblemDetail providerFailed(AiVariantProvider.ProviderException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, "The AI provider failed: " + e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", "aiSettings", "message", e.getMessage())));
        return problem;
    }
}
