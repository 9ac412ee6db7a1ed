package vn.giamngheo.system;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work started once the current transaction has committed (never on a rollback), gathered per key: the first call of a
 * transaction makes the key's state and registers the work, later calls of the same transaction get the same state
 * (to add to it). Without a transaction there is no state: the caller starts its work at once.
 */
final class AfterCommit {

    private AfterCommit() {
    }

    /**
     * The key's state in the current transaction, made by {@code made} on the first call, whose {@code work} runs with
     * it after the commit; null when no transaction synchronization is active.
     */
    static <T> T state(Object key, Supplier<T> made, Consumer<T> work) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        T state = (T) TransactionSynchronizationManager.getResource(key);
        if (state != null) {
            return state;
        }
        T fresh = made.get();
        TransactionSynchronizationManager.bindResource(key, fresh);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                work.accept(fresh);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
        });
        return fresh;
    }
}
