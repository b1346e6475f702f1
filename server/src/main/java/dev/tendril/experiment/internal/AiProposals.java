package dev.tendril.experiment.internal;

import dev.tendril.experiment.AiVariantProvider;
import dev.tendril.platform.ConflictException;
import dev.tendril.platform.Ids;
import dev.tendril.platform.JsonField;
import dev.tendril.platform.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * AI proposals for a draft experiment: asked of the workspace's provider (never without settings),
 * stored as pending, and turned into a variant only when a marketer accepts one. The provider call
 * runs outside any transaction: no database connection waits on a model.
 */
@Service
class AiProposals {
    record ProposalView(String id, String subject, String preheader, String model, String status, String variant, Instant createdAt) {}

    private final ExperimentDefinitions definitions;
    private final ExperimentStore experiments;
    private final AiProposalStore store;
    private final AiSettings settings;
    private final TransactionTemplate tx;
    private final Clock clock;

    AiProposals(ExperimentDefinitions definitions, ExperimentStore experiments, AiProposalStore store, AiSettings settings,
            TransactionTemplate tx, Clock clock) {
        this.definitions = definitions;
        this.experiments = experiments;
        this.store = store;
        this.settings = settings;
        this.tx = tx;
        this.clock = clock;
    }

    /** Body: optional {@code count} (1–10, default 3) and {@code instructions} (tone, audience, offer). */
    List<ProposalView> propose(long workspaceId, String experimentId, JsonNode body) {
        JsonNode given = body == null || body.isNull() ? JsonNodeFactory.instance.objectNode() : body;
        JsonField in = JsonField.root(given).object(Set.of("count", "instructions"));
        int count = in.get("count").integer(1, 10, 3);
        String instructions = in.get("instructions").optionalText(2000);
        ExperimentRow row = definitions.row(workspaceId, experimentId);
        AiSettings.Configured configured = settings.configured(workspaceId).orElseThrow(() -> new ConflictException("aiSettings",
                "AI proposals are off for this workspace: configure PUT /api/v1/experiments/ai-settings first"));
        ExperimentDefinitions.requireDraft(row, "given AI proposals");
        List<AiVariantProvider.Suggestion> current = experiments.variants(row).stream()
                .map(v -> new AiVariantProvider.Suggestion(v.variant().subject(), v.variant().preheader())).toList();
        List<AiVariantProvider.Suggestion> suggestions = configured.provider().propose(configured.connection(),
                new AiVariantProvider.Brief(row.name(), row.metric(), current, count, instructions));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return tx.execute(s -> suggestions.stream()
                .map(sg -> view(store.find(workspaceId, store.insert(workspaceId, row.id(), sg, configured.connection().model(), now))
                        .orElseThrow()))
                .toList());
    }

    List<ProposalView> list(long workspaceId, String experimentId) {
        return store.list(workspaceId, definitions.row(workspaceId, experimentId).id()).stream().map(AiProposals::view).toList();
    }

    /** Adds the proposal to a draft as a new variant (weight 1, key {@code ai-<proposal id>}, e.g. {@code ai-ap_0k…}). */
    @Transactional
    ExperimentView accept(long workspaceId, String experimentId, String proposalId) {
        ExperimentRow row = definitions.lock(workspaceId, experimentId);
        AiProposalStore.Row proposal = Ids.AI_PROPOSAL.parse(proposalId).stream().boxed()
                .flatMap(id -> store.find(workspaceId, id).stream())
                .filter(p -> p.experimentId() == row.id()).findFirst()
                .orElseThrow(() -> new NotFoundException("AI proposal", proposalId));
        ExperimentDefinitions.requireDraft(row, "given variants");
        if (!proposal.status().equals("pending")) {
            throw new ConflictException("status", "proposal " + proposalId + " was accepted already, as variant " + proposal.variantKey());
        }
        List<VariantRow> variants = experiments.variants(row);
        if (variants.size() >= ExperimentJson.MAX_VARIANTS) {
            throw new ConflictException("variants", "the experiment has " + ExperimentJson.MAX_VARIANTS + " variants already");
        }
        Set<String> taken = new HashSet<>(variants.stream().map(VariantRow::key).toList());
        String key = "ai-" + proposalId;
        for (int n = 2; taken.contains(key); n++) {
            key = "ai-" + proposalId + "-" + n;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        experiments.addVariant(row, new ExperimentDefinition.Variant(key, "AI proposal", 1, proposal.subject(), proposal.preheader(),
                null, null, null), now);
        store.accepted(workspaceId, proposal.id(), key);
        return definitions.get(workspaceId, experimentId);
    }

    private static ProposalView view(AiProposalStore.Row row) {
        return new ProposalView(Ids.AI_PROPOSAL.format(row.id()), row.subject(), row.preheader(), row.model(), row.status(), row.variantKey(),
                row.createdAt());
    }
}
