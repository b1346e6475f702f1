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

    /**
     * Runs the action after commit once per transaction and {@code key}, however often it is asked: a CSV import
     * notes hundreds of edited contacts in one transaction and needs its worker woken once.
     */
    public static void once(Object key, Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        if (TransactionSynchronizationManager.hasResource(key)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(key, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
        });
    }
}
