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
     * household's segments: the earlier segments stay the very rows they were (same physical row), whatever the
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
            decide(inCommune, LocalDate.of(year, 1, 1));
        }
        List<String> before = earlySegments(steady);
        assertThat(before).hasSizeGreaterThanOrEqualTo(3);
        // a list of 2033, then a later one of the same year on half of them (it supersedes the first)
        decide(inCommune, LocalDate.of(2033, 3, 1));
        decide(inCommune.subList(0, inCommune.size() / 2), LocalDate.of(2033, 7, 1));
        // a household dissolved in 2034: a list of 2035 does not count it
        long dissolved = inCommune.get(1);
        tx.executeWithoutResult(s -> {
            jdbc.sql("UPDATE household SET life_status = 'dissolved' WHERE province_code = :p AND id = :h")
                    .param("p", PROVINCE).param("h", dissolved).update();
            changes.event(PROVINCE, dissolved, "dissolved", LocalDate.of(2034, 5, 1));
        });
        decide(inCommune, LocalDate.of(2035, 1, 1));
        // one statement: two rows of one household (refreshed whole) beside appended rows
        List<Long> twice = new java.util.ArrayList<>(inCommune);
        twice.add(inCommune.get(2));
        decide(twice, LocalDate.of(2036, 1, 1));
        // a back-dated list (refreshed whole)
        decide(inCommune.subList(3, inCommune.size()), LocalDate.of(2034, 6, 1));
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
                    List<List<Map<String, Object>>> after = new java.util.ArrayList<>();
                    for (String function : List.of(v63, v67)) {
                        one.sql("SAVEPOINT step").update();
                        one.sql(function).update();
                        new ReportChanges(one, data, OTHER, new Random(k)).status(step.households(), decision,
                                step.effective(), data.c3, null);
                        after.add(one.sql("""
                                        SELECT 'segment ' || s::text FROM report_segment s WHERE province_code = :p
                                        UNION ALL SELECT 'count ' || c::text FROM report_count c WHERE province_code = :p
                                        UNION ALL SELECT 'codes ' || c::text FROM report_code_count c WHERE province_code = :p
                                        UNION ALL SELECT 'version ' || v::text FROM report_version v WHERE province_code = :p
                                        ORDER BY 1""").param("p", PROVINCE).query().listOfRows());
                        if (function == v63) {
                            one.sql("ROLLBACK TO SAVEPOINT step").update();
                        }
                    }
                    assertThat(after.get(1)).as("step %d (%s): V67 against V63", k, step.effective()).isNotEmpty()
                            .containsExactlyElementsOf(after.get(0));
                }
            } finally {
                c.rollback();
            }
        }
        assertSame("after the comparison of V63 and V67 (rolled back)");
    }

    /** The trigger function {@code report_status_appended} as a migration last defines it. */
    private static String trigger(String migration) throws java.io.IOException {
        try (var in = ReportAggregatesTest.class.getClassLoader().getResourceAsStream(migration)) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return text.substring(text.lastIndexOf("CREATE OR REPLACE FUNCTION report_status_appended()")).strip();
        }
    }

    private void decide(List<Long> households, LocalDate effective) {
        tx.executeWithoutResult(s -> changes.status(households, changes.decision(data.c3, effective.getYear(), effective),
                effective, data.c3, null));
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
