package vn.giamngheo.system;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The report aggregates' catch-up (migration V74, ADR 0014 addendum h26): a decision only records the status rows it
 * appended ({@code report_pending}); {@code report_catch_up(province)} counts them into the segments and aggregates.
 * Every reader of the aggregates calls {@link #beforeRead} first (a report read right after a decision sees it; when
 * nothing is pending that is one small query), and a decision calls {@link #afterCommit}, so that the aggregates are
 * fresh within about the catch-up's time even if no one reads. A failed catch-up is logged and tried again later; its
 * rows stay pending until one succeeds (and every read catches up before it reads).
 */
@Component
public class ReportCatchUp {

    private static final Logger LOG = LoggerFactory.getLogger(ReportCatchUp.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    /** Seconds before a failed background catch-up is tried again. */
    private final long retrySeconds;
    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "report-catch-up");
        t.setDaemon(true);
        return t;
    });

    ReportCatchUp(JdbcClient jdbc, PlatformTransactionManager transactions,
                  @Value("${giamngheo.report.catch-up.retry-seconds:30}") long retrySeconds) {
        if (retrySeconds < 1) {
            throw new IllegalArgumentException("giamngheo.report.catch-up.retry-seconds must be at least 1: " + retrySeconds);
        }
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.retrySeconds = retrySeconds;
    }

    @jakarta.annotation.PreDestroy
    void shutdown() {
        background.shutdownNow();
    }

    /** Rows left pending by an instance that stopped before its catch-up (a crash, a kill) are counted at start. */
    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        background.execute(() -> inBackground(null));
    }

    /**
     * Counts the pending rows of these provinces (null: every province) before the caller reads the aggregates or
     * the report versions. In the caller's transaction when it may write (it sees its own decision, and holds no lock
     * a second connection would wait for); otherwise in a short transaction of its own per province.
     */
    public void beforeRead(Collection<String> provinces) {
        List<String> pending = pending(provinces);
        if (pending.isEmpty()) {
            return;
        }
        boolean inCaller = TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
        for (String province : pending) {
            if (inCaller) {
                catchUp(province);
            } else {
                ownTransaction.executeWithoutResult(s -> catchUp(province));
            }
        }
    }

    /**
     * A catch-up of the province on a background thread once the current transaction has committed (at once when
     * there is none; never on a rollback), once per transaction and province; the caller does not wait for it.
     */
    public void afterCommit(String province) {
        Set<String> decided = AfterCommit.state(this, LinkedHashSet::new, this::soon);
        if (decided == null) {
            soon(Set.of(province));
        } else {
            decided.add(province);
        }
    }

    /** Waits until the background catch-ups requested so far have ended (for tests and benchmarks). */
    public void awaitBackground() throws Exception {
        background.submit(() -> { }).get();
    }

    private void soon(Set<String> provinces) {
        Set<String> copy = Set.copyOf(provinces);
        background.execute(() -> inBackground(copy));
    }

    /** The catch-up of the provinces (null: those with pending rows), each in its own transaction; failures retried. */
    private void inBackground(Collection<String> provinces) {
        Collection<String> todo;
        try {
            todo = provinces == null ? pending(null) : provinces;
        } catch (DataAccessException e) {
            LOG.warn("report aggregates: pending decisions not read, tried again in {} s: {}", retrySeconds, e.getMessage());
            background.schedule(() -> inBackground(null), retrySeconds, TimeUnit.SECONDS);
            return;
        }
        for (String province : todo) {
            try {
                ownTransaction.executeWithoutResult(s -> catchUp(province));
            } catch (DataAccessException | TransactionException e) {
                LOG.warn("report aggregates of province {} not caught up (the decided rows stay pending; every report "
                        + "catches up before it reads), tried again in {} s", province, retrySeconds, e);
                background.schedule(() -> inBackground(Set.of(province)), retrySeconds, TimeUnit.SECONDS);
            }
        }
    }

    private int catchUp(String province) {
        return jdbc.sql("SELECT report_catch_up(:p)").param("p", province).query(Integer.class).single();
    }

    /** The provinces of these (null: all) with pending rows: one probe of a small table's key when there are none. */
    private List<String> pending(Collection<String> provinces) {
        if (provinces != null && provinces.isEmpty()) {
            return List.of();
        }
        JdbcClient.StatementSpec spec = jdbc.sql("SELECT DISTINCT province_code FROM report_pending"
                + (provinces == null ? "" : " WHERE province_code IN (:provinces)") + " ORDER BY 1");
        if (provinces != null) {
            spec = spec.param("provinces", List.copyOf(provinces));
        }
        return spec.query(String.class).list();
    }
}
