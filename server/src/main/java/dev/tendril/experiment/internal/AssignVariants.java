package dev.tendril.experiment.internal;

import dev.tendril.contact.Contacts;
import dev.tendril.experiment.ExperimentMetric;
import dev.tendril.experiment.Experiments;
import dev.tendril.experiment.VariantAssignment;
import dev.tendril.platform.ConflictException;
import dev.tendril.platform.Ids;
import dev.tendril.platform.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.hipparchus.random.RandomDataGenerator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives contacts their arm and counts what they did. A fixed-horizon experiment splits by a stable
 * hash; a bandit draws by Thompson sampling over the outcomes so far, seeded by the same hash, so a
 * retried first assignment under the same results draws the same arm. Either way the arm is stored
 * on first assignment and kept.
 */
@Service
class AssignVariants implements Experiments {
    private final ExperimentDefinitions definitions;
    private final ExperimentStore experiments;
    private final OutcomeStore outcomes;
    private final PromoteWinner promote;
    private final Contacts contacts;
    private final Clock clock;

    AssignVariants(ExperimentDefinitions definitions, ExperimentStore experiments, OutcomeStore outcomes, PromoteWinner promote,
            Contacts contacts, Clock clock) {
        this.definitions = definitions;
        this.experiments = experiments;
        this.outcomes = outcomes;
        this.promote = promote;
        this.contacts = contacts;
        this.clock = clock;
    }

    @Override
    @Transactional
    public VariantAssignment assign(long workspaceId, String experimentId, long contactId) {
        ExperimentRow row = definitions.row(workspaceId, experimentId);
        if (contacts.find(workspaceId, contactId).isEmpty()) {
            throw new NotFoundException("contact", Ids.CONTACT.format(contactId));
        }
        List<VariantRow> variants = experiments.variants(row);
        Optional<OutcomeStore.Arm> stored = outcomes.assignment(workspaceId, row.id(), contactId);
        return switch (row.status()) {
            case DRAFT -> throw new ConflictException("status", "experiment " + experimentId + " is a draft; start it first");
            case COMPLETED -> {
                boolean holdout = stored.map(OutcomeStore.Arm::holdout)
                        .orElseGet(() -> WeightedSplit.inHoldout(StableHash.unit(row.id(), contactId), row.holdout()));
                VariantRow served = variants.stream().filter(v -> row.winnerVariantId() != null && v.id() == row.winnerVariantId())
                        .findFirst().orElse(variants.getFirst());
                yield view(row, contactId, holdout ? null : served);
            }
            case RUNNING -> {
                if (stored.isEmpty()) {
                    VariantRow arm = choose(row, variants, contactId);
                    outcomes.assign(workspaceId, row.id(), contactId, arm == null ? null : arm.id(), now());
                    stored = outcomes.assignment(workspaceId, row.id(), contactId);
                }
                Long variantId = stored.orElseThrow().variantId();
                yield view(row, contactId, variants.stream().filter(v -> variantId != null && v.id() == variantId).findFirst()
                        .orElse(null));
            }
        };
    }

    /** The arm of a contact not yet assigned, null for the holdout. */
    private VariantRow choose(ExperimentRow row, List<VariantRow> variants, long contactId) {
        double unit = StableHash.unit(row.id(), contactId);
        if (WeightedSplit.inHoldout(unit, row.holdout())) {
            return null;
        }
        int index = switch (row.mode()) {
            case FIXED -> WeightedSplit.pick(unit, row.holdout(), variants.stream().mapToDouble(v -> v.variant().weight()).toArray());
            case BANDIT -> BetaPosteriors.thompsonPick(PromoteWinner.arms(variants, outcomes.counts(row)),
                    new RandomDataGenerator(StableHash.seed(row.id(), contactId)));
        };
        return variants.get(index);
    }

    @Override
    @Transactional
    public boolean recordSend(long workspaceId, String experimentId, long contactId) {
        ExperimentRow row = definitions.row(workspaceId, experimentId);
        Optional<OutcomeStore.Arm> arm = outcomes.assignment(workspaceId, row.id(), contactId);
        if (arm.isEmpty()) {
            return false;
        }
        if (arm.get().holdout()) {
            throw new ConflictException("contactId", "is in the holdout of " + experimentId + ", which receives nothing");
        }
        boolean added = outcomes.record(workspaceId, row.id(), contactId, "send", arm.get().variantId(), now());
        if (added) {
            promote.check(row);
        }
        return added;
    }

    @Override
    @Transactional
    public boolean recordOutcome(long workspaceId, String experimentId, long contactId, ExperimentMetric metric) {
        ExperimentRow row = definitions.row(workspaceId, experimentId);
        Optional<OutcomeStore.Arm> arm = outcomes.assignment(workspaceId, row.id(), contactId);
        if (arm.isEmpty()) {
            return false;
        }
        Long variantId = arm.get().variantId();
        if (!arm.get().holdout()) {
            outcomes.record(workspaceId, row.id(), contactId, "send", variantId, now()); // an open proves the send, if it was not reported
        }
        boolean added = outcomes.record(workspaceId, row.id(), contactId, metric.wire(), variantId, now());
        if (added && metric == row.metric()) {
            promote.check(row);
        }
        return added;
    }

    boolean isAssigned(long workspaceId, String experimentId, long contactId) {
        return outcomes.assignment(workspaceId, definitions.row(workspaceId, experimentId).id(), contactId).isPresent();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static VariantAssignment view(ExperimentRow row, long contactId, VariantRow arm) {
        String experimentId = Ids.EXPERIMENT.format(row.id());
        String contact = Ids.CONTACT.format(contactId);
        if (arm == null) {
            return new VariantAssignment(experimentId, contact, true, null, null, null, null, null, null, null);
        }
        var v = arm.variant();
        return new VariantAssignment(experimentId, contact, false, v.key(), v.name(), v.subject(), v.preheader(), v.html(), v.text(),
                v.templateId());
    }
}
