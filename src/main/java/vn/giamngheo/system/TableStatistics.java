package vn.giamngheo.system;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The planner's statistics of the tables a big write has just filled, gathered at once instead of at the autovacuum's
 * next round (migration V70, ADR 0009 addendum): without them the first opening of a page after the demonstration's
 * start, a bulk import or a review's decision planned over no statistics and took seconds to a minute. One call
 * analyses every table whose changes passed the autovacuum's threshold (or that was never analysed), whoever wrote
 * them; callers need not name the tables. Batch work (the demonstration, a bulk import) waits for it ({@link #refresh});
 * a user's action leaves it to a background thread once its transaction commits ({@link #refreshAfterCommit}), so
 * that the answer does not wait for it.
 */
@Component
public class TableStatistics {

    private static final Logger LOG = LoggerFactory.getLogger(TableStatistics.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "table-statistics");
        t.setDaemon(true);
        return t;
    });
    /** A background refresh is waiting to start: later requests until it starts are served by it. */
    private final AtomicBoolean queued = new AtomicBoolean();

    TableStatistics(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @jakarta.annotation.PreDestroy
    void shutdown() {
        background.shutdownNow();
    }

    /**
     * Analyses the stale tables now, in a short transaction of its own (the locks of ANALYZE held no longer), one
     * refresh at a time; call it once the writes have committed, and {@link #countAtCommit} inside their transaction
     * (a table never analysed is found without it). Returns the tables analysed. A failure is logged and leaves the
     * statistics to the autovacuum: it never undoes the writes that came before.
     */
    public synchronized List<String> refresh() {
        try {
            String[] analysed = ownTransaction.execute(status -> jdbc.sql("SELECT analyze_stale_tables()")
                    .query((rs, i) -> (String[]) rs.getArray(1).getArray()).single());
            LOG.debug("statistics gathered on {}", Arrays.toString(analysed));
            return List.of(analysed);
        } catch (DataAccessException | TransactionException e) {
            LOG.warn("statistics of the tables just written not gathered (left to the autovacuum): {}", e.getMessage());
            return List.of();
        }
    }

    /**
     * The rows the current transaction changes count for the autovacuum's threshold as soon as it commits: a
     * connection otherwise publishes its activity counters at most once a second, and a short transaction's rows
     * would be missed by a refresh right after it (PostgreSQL publishes them before it answers the commit).
     */
    public void countAtCommit() {
        jdbc.sql("SELECT pg_stat_force_next_flush()").query().listOfRows();
    }

    /**
     * {@link #refresh()} on a background thread once the current transaction has committed (at once when there is
     * none; never on a rollback), once per transaction however many big writes it holds (the demonstration decides
     * twelve communes in one); the caller's answer does not wait for it.
     */
    public void refreshAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            refreshSoon();
        } else if (!TransactionSynchronizationManager.hasResource(this)) {
            countAtCommit();
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    refreshSoon();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TableStatistics.this);
                }
            });
        }
    }

    /** Waits until the background refreshes requested so far have ended (for tests). */
    void awaitBackground() throws Exception {
        background.submit(() -> { }).get();
    }

    private void refreshSoon() {
        if (queued.compareAndSet(false, true)) {
            background.execute(() -> {
                queued.set(false);
                refresh();
            });
        }
    }
}
