package vn.giamngheo.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
 * V70's stale tables, analysed by V72's analyze_stale_table() over two connections through {@link TableStatistics},
 * called by the application's role (which owns no table and may not ANALYZE one itself): a table never analysed that
 * holds rows is analysed, one whose changes since its last analysis stay under the autovacuum's threshold is not
 * until they pass it, an empty one and an unlogged one never are — and analyze_stale_table() analyses nothing else,
 * whatever name the application's role gives it. The probe tables (the autovacuum off on them) are the owner's, made
 * and dropped around each test.
 */
@Tag("database")
@SpringBootTest
class TableStatisticsTest {

    private static final String PROBE = "h21_statistics_probe";
    private static final String EMPTY = "h21_statistics_empty";
    private static final String UNLOGGED = "h21_statistics_unlogged";
    /** More probes than connections, of different sizes: every one analysed, whichever connection takes it. */
    private static final List<String> MANY = List.of("h24_statistics_1", "h24_statistics_2", "h24_statistics_3",
            "h24_statistics_4", "h24_statistics_5");
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
        asOwner("DROP TABLE IF EXISTS " + PROBE + ", " + EMPTY + ", " + UNLOGGED + ", " + String.join(", ", MANY));
    }

    @Test
    void everyStaleTableIsAnalysedOverSeveralConnections() throws SQLException {
        for (int i = 0; i < MANY.size(); i++) {
            asOwner("CREATE TABLE " + MANY.get(i) + " (id integer PRIMARY KEY, v text)" + NO_AUTOVACUUM,
                    "INSERT INTO " + MANY.get(i) + " SELECT g, 'v' || g FROM generate_series(1, " + (1000 * (i + 1))
                            + ") g");
        }
        List<String> largestFirst = new ArrayList<>(MANY);
        Collections.reverse(largestFirst);
        assertThat(jdbc.sql("SELECT CAST(t AS text) FROM stale_tables() t").query(String.class).list())
                .as("largest first").containsSubsequence(largestFirst);

        List<String> analysed = statistics.refresh();

        assertThat(analysed).containsAll(MANY).contains(PROBE).doesNotContain(EMPTY, UNLOGGED).isSorted();
        for (int i = 0; i < MANY.size(); i++) {
            assertThat(reltuples(MANY.get(i))).as(MANY.get(i)).isEqualTo(1000 * (i + 1));
        }
        assertThat(statistics.refresh()).doesNotContainAnyElementsOf(MANY).doesNotContain(PROBE);
    }

    @Test
    void analyzeStaleTableAnalysesNothingButAStaleTableOfTheSchema() throws SQLException {
        asOwner("ANALYZE " + PROBE);
        asOwner("DELETE FROM " + PROBE + " WHERE id > 400"); // stale again: 100 of 500 changed is not past 100
        for (String other : List.of(PROBE, EMPTY, UNLOGGED, "household", "bulk_stage_member", "pg_catalog.pg_class",
                "information_schema.sql_features")) {
            assertThat(analyzeStaleTable(other)).as(other).isFalse();
        }
        assertThat(jdbc.sql("SELECT analyze_stale_table(NULL)").query(Boolean.class).single()).isFalse();
        assertThat(reltuples(PROBE)).as("not analysed again").isEqualTo(500);
        assertThat(reltuples(UNLOGGED)).isNegative();

        asOwner("DELETE FROM " + PROBE + " WHERE id > 300", "SELECT pg_stat_force_next_flush()");
        awaitModifiedSinceAnalyze(200);
        assertThat(analyzeStaleTable(PROBE)).as("stale now").isTrue();
        assertThat(reltuples(PROBE)).isEqualTo(300);
    }

    @Test
    void atLeastOneConnection() {
        assertThatThrownBy(() -> new TableStatistics(jdbc, transactions, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private boolean analyzeStaleTable(String table) {
        return jdbc.sql("SELECT analyze_stale_table(CAST(:t AS regclass))").param("t", table)
                .query(Boolean.class).single();
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
        awaitModifiedSinceAnalyze(before + (to - from + 1));
    }

    private void awaitModifiedSinceAnalyze(long expected) {
        Instant limit = Instant.now().plus(Duration.ofSeconds(30));
        while (modifiedSinceAnalyze() < expected && Instant.now().isBefore(limit)) {
            sleep();
        }
        assertThat(modifiedSinceAnalyze()).as("changes counted").isEqualTo(expected);
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
