package vn.giamngheo.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.giamngheo.geography.GeographyCatalog;

/**
 * The report aggregates (V20) against the live count ({@link LiveReportData}, the SQL the reports ran before):
 * after every step of a seeded random sequence of changes — decisions over several years, revocations, edits
 * of place and area, dissolutions, moves (also to another province, keeping the id), merges, new and deleted
 * households, deleted events — every report query gives the same rows for every year from 2018 to 2029, for
 * the province, the other province and the whole country. And a rebuild from scratch gives the state the
 * triggers kept.
 */
@Tag("database")
@Tag("own-database")
@SpringBootTest(properties = "giamngheo.test.isolated=aggregates")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportAggregatesTest {

    static final String PROVINCE = "92";
    static final String OTHER = "96";

    @Autowired JdbcClient jdbc;
    @Autowired GeographyCatalog geography;
    @Autowired ReportData aggregates;
    @Autowired TransactionTemplate tx;
    @Autowired vn.giamngheo.system.DatabaseOwner owner;
    @Autowired vn.giamngheo.system.ReportCatchUp catchUp;
    @Autowired javax.sql.DataSource application;

    LiveReportData live;
    ReportFixture data;
    ReportChanges changes;
    final Random random = new Random(9_2026);

    @BeforeAll
    void generate() {
        live = new LiveReportData(jdbc);
        data = new ReportFixture(jdbc, geography, PROVINCE).generate(120);
        changes = new ReportChanges(jdbc, data, OTHER, random);
    }

    @Test
    void everyChangeShowsInTheAggregatesExactlyAsInTheLiveCount() {
        assertSame("generated");
        for (int step = 0; step < 70; step++) {
            int kind = random.nextInt(ReportChanges.KINDS);
            String what = tx.execute(s -> changes.change(kind));
            assertSame("step " + step + ": " + what);
        }
    }

    @Test
    void aRebuildGivesTheStateTheTriggersKept() {
        for (int step = 0; step < 25; step++) {
            int kind = random.nextInt(ReportChanges.KINDS);
            tx.execute(s -> changes.change(kind));
        }
        catchUp();
        List<Map<String, Object>> counts = counts();
        List<Map<String, Object>> codes = codeCounts();
        List<Map<String, Object>> segments = segments();
        assertThat(counts).isNotEmpty();
        assertThat(codes).isNotEmpty();
        tx.executeWithoutResult(s -> jdbc.sql("SELECT report_rebuild(:p)").param("p", PROVINCE).query().listOfRows());
        assertThat(counts()).containsExactlyElementsOf(counts);
        assertThat(codeCounts()).containsExactlyElementsOf(codes);
        assertThat(segments()).containsExactlyElementsOf(segments);
        tx.executeWithoutResult(s -> jdbc.sql("SELECT report_rebuild(NULL)").query().listOfRows());
        assertThat(counts()).containsExactlyElementsOf(counts);
        assertThat(codeCounts()).containsExactlyElementsOf(codes);
        assertThat(segments()).containsExactlyElementsOf(segments);
        // a rebuild leaves no row whose count fell to zero
        assertThat(jdbc.sql("SELECT count(*) FROM report_count WHERE households = 0").query(Long.class).single()).isZero();
        assertSame("after the rebuild");
        assertSegmentTableWhole();
        // the triggers keep the rebuilt (detached, refilled and attached again) partition as before
        for (int step = 0; step < 10; step++) {
            int kind = random.nextInt(ReportChanges.KINDS);
            String what = tx.execute(s -> changes.change(kind));
            assertSame("after the rebuild, step " + step + ": " + what);
        }
    }

    /**
     * V59: a decision whose rows append (each household's row after all its rows) moves only the end of each
     * household's segments (since V74 at its catch-up, here right after each decision): the earlier segments stay the very rows they were (same physical row), whatever the
     * history. Yearly lists, a later list of the same year, a list after a household was dissolved, a statement
     * with two rows of one household and a back-dated list (the last two through the full refresh) all end with
     * the aggregates of the live count and of a rebuild.
     */
    @Test
    void appendedDecisionsMoveOnlyTheEndOfEachHistory() {
        List<Long> inCommune = jdbc.sql("""
                        SELECT id FROM household WHERE province_code = :p AND commune_id = :c AND life_status = 'active'
                        ORDER BY id""").param("p", PROVINCE).param("c", data.c3).query(Long.class).list();
        assertThat(inCommune).hasSizeGreaterThan(4);
        long steady = inCommune.get(0);
        for (int year = 2030; year <= 2032; year++) {
            decideAndCatchUp(inCommune, LocalDate.of(year, 1, 1));
        }
        List<String> before = earlySegments(steady);
        assertThat(before).hasSizeGreaterThanOrEqualTo(3);
        // a list of 2033, then a later one of the same year on half of them (it supersedes the first)
        decideAndCatchUp(inCommune, LocalDate.of(2033, 3, 1));
        decideAndCatchUp(inCommune.subList(0, inCommune.size() / 2), LocalDate.of(2033, 7, 1));
        // a household dissolved in 2034: a list of 2035 does not count it
        long dissolved = inCommune.get(1);
        tx.executeWithoutResult(s -> {
            jdbc.sql("UPDATE household SET life_status = 'dissolved' WHERE province_code = :p AND id = :h")
                    .param("p", PROVINCE).param("h", dissolved).update();
            changes.event(PROVINCE, dissolved, "dissolved", LocalDate.of(2034, 5, 1));
        });
        decideAndCatchUp(inCommune, LocalDate.of(2035, 1, 1));
        // one statement: two rows of one household (refreshed whole) beside appended rows
        List<Long> twice = new java.util.ArrayList<>(inCommune);
        twice.add(inCommune.get(2));
        decideAndCatchUp(twice, LocalDate.of(2036, 1, 1));
        // a back-dated list (refreshed whole)
        decideAndCatchUp(inCommune.subList(3, inCommune.size()), LocalDate.of(2034, 6, 1));
        assertThat(earlySegments(steady)).as("the steady household's segments before 2030 were not rewritten")
                .containsExactlyElementsOf(before);
        assertSame("appended decisions", 2018, 2038);
        List<Map<String, Object>> counts = counts();
        List<Map<String, Object>> codes = codeCounts();
        List<Map<String, Object>> segments = segments();
        tx.executeWithoutResult(s -> jdbc.sql("SELECT report_rebuild(:p)").param("p", PROVINCE).query().listOfRows());
        assertThat(counts()).containsExactlyElementsOf(counts);
        assertThat(codeCounts()).containsExactlyElementsOf(codes);
        assertThat(segments()).containsExactlyElementsOf(segments);
    }

    /**
     * V67 (the appended rows one province at a time, the segments moved in one statement) against V63's trigger on
     * the same statements: in one transaction of the owner, rolled back at the end, each statement runs under V63's
     * function and, after a rollback to a savepoint, under V67's; the segments, both aggregates and the report
     * versions of the province must be the same row for row after each. The statements: appended lists of one year
     * for a commune, a later list of the same year on half of it, a list after a dissolution, two rows of one household
     * beside appended rows, and a back-dated list.
     */
    @Test
    void theTriggerOfV67MovesWhatTheTriggerOfV63Moved() throws Exception {
        String v63 = trigger("db/migration/V63__report_appended_by_index.sql");
        String v67 = trigger("db/migration/V67__report_appended_by_province.sql");
        assertThat(v63).isNotEqualTo(v67);
        List<List<String>> after = sameStatements(true, List.of(new Variant(v63, APPENDED, null),
                new Variant(v67, APPENDED, null)));
        for (int k = 0; k < after.size(); k++) {
            assertThat(after.get(k).get(1)).as("step %d: V67 against V63", k).isEqualTo(after.get(k).get(0));
        }
        assertSame("after the comparison of V63 and V67 (rolled back)");
    }

    /**
     * V74: the decision records its rows as pending and the catch-up counts them afterwards; on the same statements
     * as {@link #theTriggerOfV67MovesWhatTheTriggerOfV63Moved}, the catch-up leaves the segments and both aggregates
     * of the province V67's synchronous trigger left, row for row, and nothing pending; the report versions are
     * bumped at least as far (by the decision, and again by the catch-up).
     */
    @Test
    void theCatchUpMovesWhatTheTriggerOfV67Moved() throws Exception {
        String v67 = trigger("db/migration/V67__report_appended_by_province.sql");
        List<List<String>> after = sameStatements(false, List.of(new Variant(v67, APPENDED, null),
                new Variant(null, "report_status_pending", "SELECT report_catch_up('" + PROVINCE + "')")));
        for (int k = 0; k < after.size(); k++) {
            assertThat(after.get(k).get(1)).as("step %d: the catch-up against V67", k).isEqualTo(after.get(k).get(0));
        }
        assertSame("after the comparison of V67 and the catch-up (rolled back)");
    }

    /** V59-V67's synchronous trigger function (V74 binds report_status_pending instead). */
    private static final String APPENDED = "report_status_appended";

    /**
     * How the statuses of a step are counted: a function defined first (null: none), the function the insert trigger
     * of household_status is bound to, and a statement run after the decision's (null: none).
     */
    private record Variant(String definition, String trigger, String after) {
    }

    /**
     * Runs each step of a fixed sequence of statements under every variant, in one transaction of the owner rolled
     * back at the end (each variant but the last rolled back to a savepoint; the last one's state is the next step's),
     * and gives per step and variant the province's segments, aggregates, pending rows and, with {@code versions}, its
     * report versions as text (without, the last variant's sum of versions must be at least the first's). The
     * statements: appended lists of one year for a commune, a later list of the same year on half of it, a list after a
     * dissolution, two rows of one household beside appended rows, and a back-dated list.
     */
    private List<List<String>> sameStatements(boolean versions, List<Variant> variants) throws Exception {
        List<Long> inCommune = jdbc.sql("""
                        SELECT id FROM household WHERE province_code = :p AND commune_id = :c AND life_status = 'active'
                        ORDER BY id""").param("p", PROVINCE).param("c", data.c3).query(Long.class).list();
        assertThat(inCommune).hasSizeGreaterThan(4);
        List<Long> twice = new java.util.ArrayList<>(inCommune);
        twice.add(inCommune.get(2));
        record Step(List<Long> households, LocalDate effective, Long dissolve) { }
        List<Step> steps = List.of(new Step(inCommune, LocalDate.of(2040, 1, 1), null),
                new Step(inCommune, LocalDate.of(2041, 3, 1), null),
                new Step(inCommune.subList(0, inCommune.size() / 2), LocalDate.of(2041, 7, 1), null),
                new Step(inCommune, LocalDate.of(2043, 1, 1), inCommune.get(1)),
                new Step(twice, LocalDate.of(2044, 1, 1), null),
                new Step(inCommune.subList(3, inCommune.size()), LocalDate.of(2042, 6, 1), null));
        List<long[]> decisions = new java.util.ArrayList<>();
        for (Step step : steps) {
            decisions.add(tx.execute(s -> changes.decision(data.c3, step.effective().getYear(), step.effective())));
        }
        List<List<String>> after = new java.util.ArrayList<>();
        try (java.sql.Connection c = owner.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                JdbcClient one = JdbcClient.create(new org.springframework.jdbc.datasource.SingleConnectionDataSource(c, true));
                for (int k = 0; k < steps.size(); k++) {
                    Step step = steps.get(k);
                    long[] decision = decisions.get(k);
                    if (step.dissolve() != null) {
                        one.sql("UPDATE household SET life_status = 'dissolved' WHERE province_code = :p AND id = :h")
                                .param("p", PROVINCE).param("h", step.dissolve()).update();
                        new ReportChanges(one, data, OTHER, new Random(k)).event(PROVINCE, step.dissolve(), "dissolved",
                                step.effective().minusMonths(8));
                    }
                    List<String> states = new java.util.ArrayList<>();
                    List<Long> sums = new java.util.ArrayList<>();
                    for (int v = 0; v < variants.size(); v++) {
                        Variant variant = variants.get(v);
                        boolean last = v == variants.size() - 1;
                        if (!last) {
                            one.sql("SAVEPOINT step").update();
                        }
                        if (variant.definition() != null) {
                            one.sql(variant.definition()).update();
                        }
                        one.sql("DROP TRIGGER report_status_inserted ON household_status").update();
                        one.sql("""
                                CREATE TRIGGER report_status_inserted AFTER INSERT ON household_status
                                    REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION %s()"""
                                .formatted(variant.trigger())).update();
                        new ReportChanges(one, data, OTHER, new Random(k)).status(step.households(), decision,
                                step.effective(), data.c3, null);
                        if (variant.after() != null) {
                            one.sql(variant.after()).query().listOfRows();
                        }
                        List<String> state = one.sql("""
                                        SELECT 'segment ' || s::text FROM report_segment s WHERE province_code = :p
                                        UNION ALL SELECT 'count ' || c::text FROM report_count c WHERE province_code = :p
                                        UNION ALL SELECT 'codes ' || c::text FROM report_code_count c WHERE province_code = :p
                                        UNION ALL SELECT 'pending ' || r::text FROM report_pending r WHERE province_code = :p
                                        UNION ALL SELECT 'version ' || r::text FROM report_version r
                                         WHERE province_code = :p AND :versions
                                        ORDER BY 1""").param("p", PROVINCE).param("versions", versions)
                                .query(String.class).list();
                        assertThat(state).as("step %d, variant %d", k, v).isNotEmpty();
                        states.add(String.join("\n", state));
                        sums.add(one.sql("SELECT sum(version) FROM report_version WHERE province_code = :p")
                                .param("p", PROVINCE).query(Long.class).single());
                        if (!last) {
                            one.sql("ROLLBACK TO SAVEPOINT step").update();
                        }
                    }
                    assertThat(sums.get(sums.size() - 1)).as("step %d: report versions", k)
                            .isGreaterThanOrEqualTo(sums.get(0));
                    after.add(states);
                }
            } finally {
                c.rollback();
            }
        }
        return after;
    }

    /**
     * V74: decisions stay pending across other changes (revocations, edits, moves, merges, deletions, more decisions)
     * for a few steps at a time; each catch-up (every second one by the SQL function, the others by a read through
     * ReportData) leaves the aggregates of the live count, and segments and aggregates that a rebuild gives again.
     */
    @Test
    void decisionsPendingAcrossOtherChangesAreCountedOnce() {
        int catchUps = 0;
        for (int step = 0; step < 60; step++) {
            int kind = random.nextInt(ReportChanges.KINDS);
            String what = tx.execute(s -> changes.change(kind));
            if (random.nextInt(4) == 0 || step == 59) {
                if (catchUps++ % 2 == 0) {
                    tx.executeWithoutResult(s -> List.of(PROVINCE, OTHER).forEach(p ->
                            jdbc.sql("SELECT report_catch_up(:p)").param("p", p).query().listOfRows()));
                    assertThat(pending()).as("pending after the catch-up, step " + step).isZero();
                }
                assertSame("pending caught up after step " + step + ": " + what);
                assertThat(pending()).isZero();
                assertRebuildKeeps("step " + step);
            }
        }
        assertThat(catchUps).isGreaterThan(5);
    }

    /**
     * Two catch-ups of one province at once: the second waits for the first (advisory lock) and then finds nothing
     * left; each pending row is counted once.
     */
    @Test
    void twoCatchUpsAtOnceCountEachRowOnce() throws Exception {
        decide(inCommune(data.c3), LocalDate.of(2050, 1, 1));
        long recorded = pending();
        assertThat(recorded).isPositive();
        java.util.concurrent.ExecutorService second = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (java.sql.Connection a = application.getConnection(); java.sql.Connection b = application.getConnection()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            int first = catchUpOn(a);
            java.util.concurrent.Future<Integer> other = second.submit(() -> catchUpOn(b));
            Thread.sleep(300);
            assertThat(other.isDone()).as("the second catch-up waits for the first").isFalse();
            a.commit();
            int then = other.get(60, java.util.concurrent.TimeUnit.SECONDS);
            b.commit();
            assertThat(first).isEqualTo(recorded);
            assertThat(then).isZero();
        } finally {
            second.shutdownNow();
        }
        assertThat(pending()).isZero();
        assertSame("two catch-ups at once", 2018, 2051);
        assertRebuildKeeps("two catch-ups at once");
    }

    /**
     * A household refreshed (its area edited) while its decided row is pending: the refresh counts the row and drops
     * it, the others stay for the catch-up; and a row counted already that is pending again (as a refresh between the
     * decision and the catch-up could leave it) moves nothing: the append path is idempotent.
     */
    @Test
    void aRefreshOfAHouseholdWithAPendingRowCountsItOnce() {
        List<Long> households = inCommune(data.c4).subList(0, 3);
        decide(households, LocalDate.of(2052, 1, 1), data.c4);
        assertThat(pending()).isEqualTo(3);
        long edited = households.get(0);
        tx.executeWithoutResult(s -> jdbc.sql("""
                        UPDATE household SET area = CASE WHEN area = 'urban' THEN 'rural' ELSE 'urban' END
                         WHERE province_code = :p AND id = :h""").param("p", PROVINCE).param("h", edited).update());
        assertThat(pendingOf(edited)).as("the refreshed household's row").isZero();
        assertThat(pending()).isEqualTo(2);
        catchUp.beforeRead(List.of(PROVINCE));
        assertThat(pending()).isZero();
        assertSame("a refresh with a pending row", 2050, 2053);
        List<Map<String, Object>> counts = counts();
        List<Map<String, Object>> segments = segments();
        long again = households.get(1);
        JdbcClient.create(owner.dataSource()).sql("""
                        INSERT INTO report_pending (province_code, household_id, status_id)
                        SELECT province_code, household_id, max(id) FROM household_status
                         WHERE province_code = :p AND household_id = :h GROUP BY 1, 2""")
                .param("p", PROVINCE).param("h", again).update();
        assertThat(pending()).isEqualTo(1);
        catchUp.beforeRead(List.of(PROVINCE));
        assertThat(pending()).isZero();
        assertThat(counts()).containsExactlyElementsOf(counts);
        assertThat(segments()).containsExactlyElementsOf(segments);
        assertRebuildKeeps("a refresh with a pending row");
    }

    /** A decision committed is counted by a background catch-up (no read needed); a rolled-back one left nothing. */
    @Test
    void aDecisionIsCountedInTheBackgroundOnceCommitted() throws Exception {
        tx.executeWithoutResult(s -> {
            decideInCaller(inCommune(data.c3), LocalDate.of(2054, 1, 1), data.c3);
            catchUp.afterCommit(PROVINCE);
            s.setRollbackOnly();
        });
        catchUp.awaitBackground();
        assertThat(pending()).isZero();
        tx.executeWithoutResult(s -> {
            decideInCaller(inCommune(data.c3), LocalDate.of(2055, 1, 1), data.c3);
            assertThat(pending()).isPositive();
            catchUp.afterCommit(PROVINCE);
        });
        catchUp.awaitBackground();
        assertThat(pending()).as("counted in the background").isZero();
        assertRebuildKeeps("a decision counted in the background");
        assertSame("a decision counted in the background", 2052, 2056);
    }

    /**
     * A report read inside the deciding transaction (a read-write one) catches up in it and sees the decision; rolled
     * back, the decision, its pending rows and its catch-up are gone together.
     */
    @Test
    void aReadInTheDecidingTransactionSeesTheDecision() {
        List<Map<String, Object>> counts = counts();
        tx.executeWithoutResult(s -> {
            decideInCaller(inCommune(data.c4), LocalDate.of(2057, 1, 1), data.c4);
            assertThat(pending()).isPositive();
            LocalDate end = LocalDate.of(2057, 12, 31);
            assertThat(aggregates.cells(List.of(PROVINCE), 2057)).as("cells in the deciding transaction")
                    .containsExactlyInAnyOrderElementsOf(live.cells(List.of(PROVINCE), end));
            assertThat(pending()).as("caught up in the deciding transaction").isZero();
            s.setRollbackOnly();
        });
        assertThat(pending()).isZero();
        assertThat(counts()).as("rolled back with the decision").containsExactlyElementsOf(counts);
    }

    private int catchUpOn(java.sql.Connection c) throws java.sql.SQLException {
        try (var st = c.prepareStatement("SELECT report_catch_up(?)")) {
            st.setString(1, PROVINCE);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private List<Long> inCommune(long commune) {
        return jdbc.sql("""
                        SELECT id FROM household WHERE province_code = :p AND commune_id = :c AND life_status = 'active'
                        ORDER BY id""").param("p", PROVINCE).param("c", commune).query(Long.class).list();
    }

    private long pending() {
        return jdbc.sql("SELECT count(*) FROM report_pending").query(Long.class).single();
    }

    private long pendingOf(long household) {
        return jdbc.sql("SELECT count(*) FROM report_pending WHERE province_code = :p AND household_id = :h")
                .param("p", PROVINCE).param("h", household).query(Long.class).single();
    }

    /** Nothing pending: a rebuild of the province gives the segments and aggregates kept. */
    private void assertRebuildKeeps(String after) {
        List<Map<String, Object>> counts = counts();
        List<Map<String, Object>> codes = codeCounts();
        List<Map<String, Object>> segments = segments();
        tx.executeWithoutResult(s -> jdbc.sql("SELECT report_rebuild(:p)").param("p", PROVINCE).query().listOfRows());
        assertThat(counts()).as("counts rebuilt " + after).containsExactlyElementsOf(counts);
        assertThat(codeCounts()).as("code counts rebuilt " + after).containsExactlyElementsOf(codes);
        assertThat(segments()).as("segments rebuilt " + after).containsExactlyElementsOf(segments);
    }

    /** Every pending row of both provinces counted (a read through ReportData does the same). */
    private void catchUp() {
        catchUp.beforeRead(null);
        assertThat(pending()).isZero();
    }

    /** The trigger function {@code report_status_appended} as a migration last defines it. */
    private static String trigger(String migration) throws java.io.IOException {
        try (var in = ReportAggregatesTest.class.getClassLoader().getResourceAsStream(migration)) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return text.substring(text.lastIndexOf("CREATE OR REPLACE FUNCTION report_status_appended()")).strip();
        }
    }

    private void decide(List<Long> households, LocalDate effective) {
        decide(households, effective, data.c3);
    }

    /** A decision, then its catch-up: each list moves only the end of the histories (one pending row each). */
    private void decideAndCatchUp(List<Long> households, LocalDate effective) {
        decide(households, effective);
        catchUp();
    }

    private void decide(List<Long> households, LocalDate effective, long commune) {
        tx.executeWithoutResult(s -> decideInCaller(households, effective, commune));
    }

    private void decideInCaller(List<Long> households, LocalDate effective, long commune) {
        changes.status(households, changes.decision(commune, effective.getYear(), effective), effective, commune, null);
    }

    /** The physical rows (ctid) of a household's segments up to its 2030 one, with their years. */
    private List<String> earlySegments(long household) {
        return jdbc.sql("""
                        SELECT CAST(ctid AS text) || ' ' || from_year || '..' || to_year FROM report_segment
                         WHERE province_code = :p AND household_id = :h AND from_year <= 2031 ORDER BY from_year""")
                .param("p", PROVINCE).param("h", household).query(String.class).list();
    }

    /** V26 detaches, refills and attaches partitions, and drops and recreates the index: nothing may be left out. */
    private void assertSegmentTableWhole() {
        assertThat(jdbc.sql("SELECT count(*) FROM pg_inherits WHERE inhparent = 'report_segment'::regclass")
                .query(Long.class).single()).as("partitions of report_segment").isEqualTo(35);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM pg_inherits i JOIN pg_index x ON x.indrelid = i.inhrelid
                          JOIN pg_inherits ii ON ii.inhrelid = x.indexrelid
                         WHERE i.inhparent = 'report_segment'::regclass
                           AND ii.inhparent = 'report_segment_household_idx'::regclass""")
                .query(Long.class).single()).as("partition indexes attached to the household index").isEqualTo(35);
        assertThat(jdbc.sql("SELECT count(*) FROM pg_index WHERE indrelid IN (SELECT inhrelid FROM pg_inherits "
                        + "WHERE inhparent = 'report_segment'::regclass)").query(Long.class).single())
                .as("no stray index left on a partition").isEqualTo(35);
        // every one built from the parent's definition: the province code last (V78)
        assertThat(jdbc.sql("""
                        SELECT DISTINCT regexp_replace(pg_get_indexdef(x.indexrelid), '^.* USING ', '') FROM pg_index x
                         WHERE x.indrelid IN (SELECT inhrelid FROM pg_inherits WHERE inhparent = 'report_segment'::regclass)
                            OR x.indexrelid = 'report_segment_household_idx'::regclass""").query(String.class).list())
                .containsExactly("btree (household_id, province_code)");
    }

    @Test
    void writesWithTheTriggersOffAreCountedAfterARebuild() {
        long id = tx.execute(s -> {
            jdbc.sql("SELECT set_config('giamngheo.bulk', 'on', true)").query().listOfRows();
            long h = changes.household(data.c4, null, "rural");
            changes.status(List.of(h), changes.decision(data.c4, 2027, LocalDate.of(2027, 1, 1)), LocalDate.of(2027, 1, 1),
                    data.c4, null);
            return h;
        });
        assertThat(segmentsOf(id)).isZero();
        tx.executeWithoutResult(s -> jdbc.sql("SELECT report_rebuild(:p)").param("p", PROVINCE).query().listOfRows());
        assertThat(segmentsOf(id)).isEqualTo(2);
        assertSame("after the bulk write and its rebuild");
    }

    private long segmentsOf(long id) {
        return jdbc.sql("SELECT count(*) FROM report_segment WHERE province_code = :p AND household_id = :h")
                .param("p", PROVINCE).param("h", id).query(Long.class).single();
    }

    private void assertSame(String after) {
        assertSame(after, 2018, 2029);
    }

    private void assertSame(String after, int fromYear, int toYear) {
        for (int year = fromYear; year <= toYear; year++) {
            LocalDate d = LocalDate.of(year, 12, 31);
            for (Collection<String> provinces : java.util.Arrays.<Collection<String>>asList(List.of(PROVINCE), List.of(OTHER),
                    List.of(PROVINCE, OTHER), null)) {
                String where = after + ", year " + year + ", provinces " + provinces;
                assertThat(aggregates.cells(provinces, year)).as("cells " + where)
                        .containsExactlyInAnyOrderElementsOf(live.cells(provinces, d));
                assertThat(aggregates.deprivations(provinces, year)).as("deprivations " + where)
                        .containsExactlyInAnyOrderElementsOf(live.deprivations(provinces, d));
                assertThat(aggregates.causes(provinces, year)).as("causes " + where)
                        .containsExactlyInAnyOrderElementsOf(live.causes(provinces, d));
            }
        }
    }

    private List<Map<String, Object>> counts() {
        return jdbc.sql("""
                        SELECT * FROM report_count WHERE households <> 0 OR poor <> 0 OR near_poor <> 0
                        ORDER BY province_code, from_year, to_year, commune_id, village_id, register_commune, area""")
                .query().listOfRows();
    }

    private List<Map<String, Object>> codeCounts() {
        return jdbc.sql("""
                        SELECT province_code, kind, from_year, to_year, commune_id, village_id, register_commune, status,
                               CAST(codes AS text) AS codes, n
                          FROM report_code_count WHERE n <> 0
                         ORDER BY province_code, kind, from_year, to_year, commune_id, village_id, register_commune, status, codes""")
                .query().listOfRows();
    }

    private List<Map<String, Object>> segments() {
        return jdbc.sql("""
                        SELECT province_code, household_id, from_year, to_year, commune_id, village_id, register_commune, area,
                               status, poor_kind, ethnic_minority, social_protection, merit, CAST(deprived AS text) AS deprived,
                               CAST(causes AS text) AS causes
                          FROM report_segment ORDER BY province_code, household_id, from_year""")
                .query().listOfRows();
    }
}
