package dev.tendril.segment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tendril.contact.StageChanged;
import dev.tendril.platform.Workers;
import dev.tendril.scoring.GradeChanged;
import dev.tendril.scoring.ScoreChanged;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class PendingChangesTest {
    record Noted(long workspaceId, List<Long> contactIds, ChangeKind kind) {}

    private final List<Noted> inserted = new ArrayList<>();
    private final PendingChanges changes = new PendingChanges(new PendingChangeStore(null) {
        @Override
        void insert(long workspaceId, long[] contactIds, ChangeKind kind) {
            inserted.add(new Noted(workspaceId, LongStream.of(contactIds).boxed().toList(), kind));
        }
    }, null, new Workers(Duration.ZERO, new SimpleMeterRegistry()));

    @AfterEach
    void clear() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
        TransactionSynchronizationManager.unbindResourceIfPossible(changes);
    }

    @Test
    void aTransactionsEventsAreWrittenAsOneRowPerWorkspaceAndKindAtCommit() {
        TransactionSynchronizationManager.initSynchronization();
        for (long contact = 3; contact >= 1; contact--) { // a rescore round: one event per contact
            changes.on(new ScoreChanged(7, contact, 10, 20, false, "event batch", 1));
        }
        changes.on(new ScoreChanged(7, 2, 10, 20, false, "event batch", 1)); // a contact twice in one transaction
        changes.on(new GradeChanged(7, 4, "C", "B"));
        changes.on(new ScoreChanged(8, 5, 0, 0, true, "contact edited", 1));
        changes.on(new StageChanged(7, 1, "lead", "mql", true, "rule mql"));
        assertThat(inserted).as("nothing is written before the commit").isEmpty();

        TransactionSynchronizationManager.getSynchronizations().forEach(s -> s.beforeCommit(false));

        assertThat(inserted).containsExactlyInAnyOrder(
                new Noted(7, List.of(1L, 2L, 3L), ChangeKind.SCORE_NUMBERS),
                new Noted(7, List.of(4L), ChangeKind.SCORES),
                new Noted(8, List.of(5L), ChangeKind.SCORES), // a first score rates the contact
                new Noted(7, List.of(1L), ChangeKind.STAGE));
    }

    @Test
    void aRolledBackTransactionWritesNothing() {
        TransactionSynchronizationManager.initSynchronization();
        changes.on(new StageChanged(7, 1, "lead", "mql", false, null));
        TransactionSynchronizationManager.getSynchronizations()
                .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
        assertThat(inserted).isEmpty();
        assertThat(TransactionSynchronizationManager.hasResource(changes)).as("the next transaction starts afresh").isFalse();
    }

    @Test
    void withoutATransactionNotesAreWrittenAtOnce() {
        changes.on(new StageChanged(7, 1, "lead", "mql", false, null));
        assertThat(inserted).containsExactly(new Noted(7, List.of(1L), ChangeKind.STAGE));
    }
}
