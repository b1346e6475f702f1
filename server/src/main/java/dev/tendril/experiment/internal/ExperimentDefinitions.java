package dev.tendril.experiment.internal;

import dev.tendril.experiment.ExperimentWinnerPromoted;
import dev.tendril.platform.ConflictException;
import dev.tendril.platform.Cursor;
import dev.tendril.platform.Ids;
import dev.tendril.platform.InvalidInputException;
import dev.tendril.platform.JsonField;
import dev.tendril.platform.NotFoundException;
import dev.tendril.platform.Page;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Experiment definitions and their status moves (draft → running → completed; anything else is a 409). */
@Service
class ExperimentDefinitions {
    private final ExperimentStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ExperimentDefinitions(ExperimentStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    ExperimentView create(long workspaceId, JsonNode body) {
        long id = store.insert(workspaceId, ExperimentJson.parse(body), now());
        return view(store.find(workspaceId, id).orElseThrow());
    }

    ExperimentView get(long workspaceId, String id) {
        return view(row(workspaceId, id));
    }

    Page<ExperimentView> list(long workspaceId, String cursor, Integer limit) {
        int n = Cursor.limit(limit);
        List<ExperimentView> rows = store.list(workspaceId, Cursor.decode(cursor), n + 1).stream().map(this::view).toList();
        return Page.of(rows, n, last -> new Cursor(null, Ids.EXPERIMENT.require(last.id())));
    }

    /** Overlays the body's fields on a draft's definition; {@code variants}, when given, replaces them all. */
    @Transactional
    ExperimentView patch(long workspaceId, String id, JsonNode body) {
        ExperimentRow row = lock(workspaceId, id);
        requireDraft(row, "changed");
        JsonField.root(body).object(ExperimentJson.FIELDS);
        ObjectNode merged = ExperimentJson.write(view(row).definition(row));
        body.propertyNames().forEach(field -> merged.set(field, body.get(field)));
        store.replace(row, ExperimentJson.parse(merged), now());
        return get(workspaceId, id);
    }

    @Transactional
    void delete(long workspaceId, String id) {
        ExperimentRow row = lock(workspaceId, id);
        if (row.status() == ExperimentStatus.RUNNING) {
            throw new ConflictException("status", "a running experiment cannot be deleted; complete it first");
        }
        store.delete(row);
    }

    @Transactional
    ExperimentView start(long workspaceId, String id) {
        ExperimentRow row = lock(workspaceId, id);
        row.status().checkMoveTo(ExperimentStatus.RUNNING);
        store.start(row, now());
        return get(workspaceId, id);
    }

    /** Completes a running experiment, with the named variant as winner or with none (then the first variant is served). */
    @Transactional
    ExperimentView complete(long workspaceId, String id, String winnerKey) {
        ExperimentRow row = lock(workspaceId, id);
        row.status().checkMoveTo(ExperimentStatus.COMPLETED);
        VariantRow winner = null;
        if (winnerKey != null) {
            winner = store.variants(row).stream().filter(v -> v.key().equals(winnerKey)).findFirst()
                    .orElseThrow(() -> new InvalidInputException("winner", "is not a variant key of this experiment"));
        }
        Instant now = now();
        store.complete(row, winner == null ? null : winner.id(), now);
        if (winner != null) {
            events.publishEvent(new ExperimentWinnerPromoted(workspaceId, id, winner.key(), false, null, now));
        }
        return get(workspaceId, id);
    }

    ExperimentRow row(long workspaceId, String id) {
        return store.find(workspaceId, Ids.EXPERIMENT.require(id)).orElseThrow(() -> new NotFoundException("experiment", id));
    }

    ExperimentRow lock(long workspaceId, String id) {
        return store.lock(workspaceId, Ids.EXPERIMENT.require(id)).orElseThrow(() -> new NotFoundException("experiment", id));
    }

    static void requireDraft(ExperimentRow row, String what) {
        if (row.status() != ExperimentStatus.DRAFT) {
            throw new ConflictException("status", "only a draft experiment can be " + what + "; this one is " + row.status().wire());
        }
    }

    private ExperimentView view(ExperimentRow row) {
        return ExperimentView.of(row, store.variants(row));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
