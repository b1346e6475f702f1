package dev.tendril.platform;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs an action once the current transaction commits (now, without one). For waking workers whose
 * work is already noted in a table by the same transaction: unlike a {@code @TransactionalEventListener},
 * which Spring Modulith records in its event publication table, it costs no writes.
 */
public final class AfterCommit {
    private AfterCommit() {}

    public static void run(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
