package vn.giamngheo.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * V70's analyze_stale_tables() through {@link TableStatistics}, called by the application's role (which owns no
 * table and may not ANALYZE one itself): a table never analysed that holds rows is analysed, one whose changes since
 * its last analysis stay under the autovacuum's threshold is not until they pass it, an empty one and an unlogged
 * one never are. The probe tables (the autovacuum off on them) are the owner's, made and dropped around each test.
 */
@Tag("database")
@SpringBootTest
class TableStatisticsTest {

    private static final String PROBE = "h21_statistics_probe";
    private static final String EMPTY = "h21_statistics_empty";
    private static final String UNLOGGED = "h21_statistics_unlogged";
    /** The autovacuum must not analyse the probes behind the test's back. */
    private static final String NO_AUTOVACUUM = " WITH (autovacuum_enabled = false)";

    @Autowired TableStatistics statistics;
    @Autowired DatabaseOwner owner;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    @BeforeEach
    void probes() throws SQLException {
        asOwner("DROP TABLE IF EXISTS " + PROBE + ", " + EMPTY + ", " + UNLOGGED,
                "CREATE TABLE " + PROBE + " (id integer PRIMARY KEY, v text)" + NO_AUTOVACUUM,
                "CREATE TABLE " + EMPTY + " (id integer PRIMARY KEY)" + NO_AUTOVACUUM,
                "CREATE UNLOGGED TABLE " + UNLOGGED + " (id integer PRIMARY KEY)" + NO_AUTOVACUUM,
                "INSERT INTO " + PROBE + " SELECT g, 'v' || g FROM generate_series(1, 500) g",
                "INSERT INTO " + UNLOGGED + " SELECT g FROM generate_series(1, 500) g");
    }

    @AfterEach
    void dropProbes() throws SQLException {
        asOwner("DROP TABLE IF EXISTS " + PROBE + ", " + EMPTY + ", " + UNLOGGED);
    }

    @Test
    void aTableNeverAnalysedIsAnalysedOnceAndAgainOnlyPastTheAutovacuumsThreshold() throws SQLException {
        assertThat(reltuples(PROBE)).isNegative(); // never analysed

        assertThat(statistics.refresh()).contains(PROBE).doesNotContain(EMPTY, UNLOGGED);
        assertThat(reltuples(PROBE)).isEqualTo(500);
        assertThat(statistics.refresh()).doesNotContain(PROBE, EMPTY, UNLOGGED);

        // threshold 50 + 0.1 × 500 = 100 changed rows (the server's defaults): 60 stay under it, 60 more pass it
        double threshold = jdbc.sql("SELECT current_setting('autovacuum_analyze_threshold')::float8"
                + " + current_setting('autovacuum_analyze_scale_factor')::float8 * 500").query(Double.class).single();
        assertThat(threshold).isEqualTo(100);
        changeRows(1, 60);
        assertThat(statistics.refresh()).doesNotContain(PROBE);
        assertThat(reltuples(PROBE)).isEqualTo(500);
        changeRows(501, 560);
        assertThat(statistics.refresh()).contains(PROBE);
        assertThat(reltuples(PROBE)).isEqualTo(560);
        assertThat(reltuples(EMPTY)).isNegative();
        assertThat(reltuples(UNLOGGED)).isNegative();
    }

    @Test
    void afterCommitAnalysesInTheBackgroundOnceTheTransactionCommittedNeverOnARollback() throws Exception {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> {
            statistics.refreshAfterCommit();
            status.setRollbackOnly();
        });
        statistics.awaitBackground();
        assertThat(reltuples(PROBE)).as("rolled back: not analysed").isNegative();
        transaction.executeWithoutResult(status -> {
            statistics.refreshAfterCommit();
            statistics.refreshAfterCommit(); // once per transaction
            assertThat(reltuples(PROBE)).as("not before the commit").isNegative();
        });
        statistics.awaitBackground();
        assertThat(reltuples(PROBE)).as("after the commit").isEqualTo(500);
    }

    /** Inserts rows [from, to] (new ids) or rewrites them (existing ids), then waits until the counters count them. */
    private void changeRows(int from, int to) throws SQLException {
        long before = modifiedSinceAnalyze();
        asOwner("INSERT INTO " + PROBE + " SELECT g, 'w' || g FROM generate_series(" + from + ", " + to + ") g"
                + " ON CONFLICT (id) DO UPDATE SET v = excluded.v", "SELECT pg_stat_force_next_flush()");
        Instant limit = Instant.now().plus(Duration.ofSeconds(30));
        while (modifiedSinceAnalyze() < before + (to - from + 1) && Instant.now().isBefore(limit)) {
            sleep();
        }
        assertThat(modifiedSinceAnalyze()).as("changes counted").isEqualTo(before + (to - from + 1));
    }

    private long modifiedSinceAnalyze() {
        return jdbc.sql("SELECT pg_stat_get_mod_since_analyze(CAST(:t AS regclass))").param("t", PROBE)
                .query(Long.class).single();
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private double reltuples(String table) {
        return jdbc.sql("SELECT reltuples FROM pg_class WHERE oid = CAST(:t AS regclass)").param("t", table)
                .query(Double.class).single();
    }

    private void asOwner(String... statements) throws SQLException {
        try (Connection c = owner.dataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
