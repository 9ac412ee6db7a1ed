package vn.giamngheo.system;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The planner's statistics of the tables a big write has just filled, gathered at once instead of at the autovacuum's
 * next round (migration V70, ADR 0009 addendum): without them the first opening of a page after the demonstration's
 * start, a bulk import or a review's decision planned over no statistics and took seconds to a minute. One call
 * analyses every table whose changes passed the autovacuum's threshold (or that was never analysed), whoever wrote
 * them; callers need not name the tables. Batch work (the demonstration, a bulk import) waits for it ({@link #refresh})
 * and has the tables analysed over {@code giamngheo.statistics.connections} connections at once (2: both cores of the
 * standard machine; V72, ADR 0013 amendment h24); a user's action leaves it to a background thread once its
 * transaction commits ({@link #refreshAfterCommit}), on one connection, so that the answer does not wait for it and
 * the other users keep a core.
 */
@Component
public class TableStatistics {

    private static final Logger LOG = LoggerFactory.getLogger(TableStatistics.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    /** Connections that analyse at once in a batch's {@link #refresh()} (the calling thread's among them). */
    private final int connections;
    /** The threads of the batch's other connections. */
    private final ExecutorService analysers;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "table-statistics");
        t.setDaemon(true);
        return t;
    });
    /** A background refresh is waiting to start: later requests until it starts are served by it. */
    private final AtomicBoolean queued = new AtomicBoolean();

    TableStatistics(JdbcClient jdbc, PlatformTransactionManager transactions,
                    @Value("${giamngheo.statistics.connections:2}") int connections) {
        if (connections < 1) {
            throw new IllegalArgumentException("giamngheo.statistics.connections must be at least 1: " + connections);
        }
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.connections = connections;
        AtomicInteger threads = new AtomicInteger();
        this.analysers = Executors.newFixedThreadPool(Math.max(1, connections - 1), r -> {
            Thread t = new Thread(r, "table-statistics-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @jakarta.annotation.PreDestroy
    void shutdown() {
        background.shutdownNow();
        analysers.shutdownNow();
    }

    /**
     * Analyses the stale tables now, over {@code giamngheo.statistics.connections} connections at once, each table in
     * a short transaction of its own (the locks of ANALYZE held no longer), one refresh at a time; call it once the
     * writes have committed, and {@link #countAtCommit} inside their transaction (a table never analysed is found
     * without it). Returns the tables analysed, by name. A failure is logged and leaves the statistics (of that table)
     * to the autovacuum: it never undoes the writes that came before.
     */
    public List<String> refresh() {
        return refresh(connections);
    }

    private synchronized List<String> refresh(int parallel) {
        List<String> stale;
        try {
            // largest first (V72), so that the connections end together
            stale = ownTransaction.execute(status -> jdbc.sql("SELECT CAST(t AS text) FROM stale_tables() t")
                    .query(String.class).list());
        } catch (DataAccessException | TransactionException e) {
            LOG.warn("statistics of the tables just written not gathered (left to the autovacuum): {}", e.getMessage());
            return List.of();
        }
        Queue<String> queue = new ConcurrentLinkedQueue<>(stale);
        List<String> analysed = Collections.synchronizedList(new ArrayList<>());
        Runnable analyser = () -> {
            for (String table = queue.poll(); table != null; table = queue.poll()) {
                if (analyse(table)) {
                    analysed.add(table);
                }
            }
        };
        List<Future<?>> others = new ArrayList<>();
        for (int i = 1; i < Math.min(parallel, stale.size()); i++) {
            others.add(analysers.submit(analyser));
        }
        analyser.run();
        for (Future<?> other : others) {
            try {
                other.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                queue.clear();
            } catch (ExecutionException e) {
                LOG.warn("statistics of some tables just written not gathered (left to the autovacuum): {}",
                        e.getCause().toString());
            }
        }
        List<String> names = new ArrayList<>(analysed);
        Collections.sort(names);
        LOG.debug("statistics gathered on {}", names);
        return names;
    }

    /** ANALYZE of one stale table as the owner (V72 refuses any other); whether it was analysed. */
    private boolean analyse(String table) {
        try {
            return Boolean.TRUE.equals(ownTransaction.execute(status -> jdbc
                    .sql("SELECT analyze_stale_table(CAST(:t AS regclass))").param("t", table)
                    .query(Boolean.class).single()));
        } catch (DataAccessException | TransactionException e) {
            LOG.warn("statistics of {} not gathered (left to the autovacuum): {}", table, e.getMessage());
            return false;
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
        if (AfterCommit.state(this, () -> {
            countAtCommit();
            return Boolean.TRUE;
        }, counted -> refreshSoon()) == null) {
            refreshSoon();
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
                refresh(1);
            });
        }
    }
}
