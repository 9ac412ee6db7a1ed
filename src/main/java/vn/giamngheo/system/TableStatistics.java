package vn.giamngheo.system;

import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The planner's statistics of the tables a big write has just filled, gathered at once instead of at the autovacuum's
 * next round (migration V70, ADR 0009 addendum): without them the first opening of a page after the demonstration's
 * start, a bulk import or a review's decision planned over no statistics and took seconds to a minute. One call
 * analyses every table whose changes passed the autovacuum's threshold (or that was never analysed), whoever wrote
 * them; callers need not name the tables.
 */
@Component
public class TableStatistics {

    private static final Logger LOG = LoggerFactory.getLogger(TableStatistics.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    TableStatistics(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Analyses the stale tables now, in a short transaction of its own (the locks of ANALYZE held no longer); call it
     * once the writes have committed (the activity counters count a transaction's rows only then; a table never
     * analysed is found without them). Returns the tables analysed. A failure is logged and leaves the statistics to
     * the autovacuum: it never undoes the writes that came before.
     */
    public List<String> refresh() {
        try {
            String[] analysed = ownTransaction.execute(status -> jdbc.sql("SELECT analyze_stale_tables()")
                    .query((rs, i) -> (String[]) rs.getArray(1).getArray()).single());
            LOG.debug("statistics gathered on {}", Arrays.toString(analysed));
            return List.of(analysed);
        } catch (DataAccessException e) {
            LOG.warn("statistics of the tables just written not gathered (left to the autovacuum): {}", e.getMessage());
            return List.of();
        }
    }

    /**
     * {@link #refresh()} once the current transaction has committed (at once when there is none; never on a
     * rollback); once per transaction however many big writes it holds (the demonstration decides twelve communes in
     * one).
     */
    public void refreshAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            refresh();
        } else if (!TransactionSynchronizationManager.hasResource(this)) {
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    refresh();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TableStatistics.this);
                }
            });
        }
    }
}
