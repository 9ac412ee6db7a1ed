package vn.giamngheo.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
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

    LiveReportData live;
    ReportFixture data;
    long otherCommune;
    final Random random = new Random(9_2026);
    final List<long[]> decisions = new ArrayList<>();

    @BeforeAll
    void generate() {
        live = new LiveReportData(jdbc);
        data = new ReportFixture(jdbc, geography, PROVINCE).generate(120);
        otherCommune = jdbc.sql("""
                        SELECT id FROM admin_unit WHERE level = 'commune' AND valid_to IS NULL AND province_code = :p
                        ORDER BY code LIMIT 1""").param("p", OTHER).query(Long.class).single();
    }

    @Test
    void everyChangeShowsInTheAggregatesExactlyAsInTheLiveCount() {
        assertSame("generated");
        for (int step = 0; step < 70; step++) {
            int kind = random.nextInt(11);
            String what = tx.execute(s -> change(kind));
            assertSame("step " + step + ": " + what);
        }
    }

    @Test
    void aRebuildGivesTheStateTheTriggersKept() {
        for (int step = 0; step < 25; step++) {
            int kind = random.nextInt(11);
            tx.execute(s -> change(kind));
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
            int kind = random.nextInt(11);
            String what = tx.execute(s -> change(kind));
            assertSame("after the rebuild, step " + step + ": " + what);
        }
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
            long h = household(data.c4, null, "rural");
            status(List.of(h), decision(data.c4, 2027, LocalDate.of(2027, 1, 1)), LocalDate.of(2027, 1, 1), data.c4, null);
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

    private String change(int kind) {
        List<Long> ids = jdbc.sql("SELECT id FROM household WHERE province_code = :p ORDER BY id").param("p", PROVINCE)
                .query(Long.class).list();
        long h = ids.get(random.nextInt(ids.size()));
        long[] communes = {data.c1, data.c2, data.c3, data.c4};
        switch (kind) {
            case 0, 1 -> {
                // a decision on a few households, effective on a random day of a year from 2019 to 2028
                long commune = communes[random.nextInt(4)];
                int year = 2019 + random.nextInt(10);
                LocalDate effective = random.nextBoolean() ? LocalDate.of(year, 1, 1) : LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
                List<Long> chosen = new ArrayList<>();
                int n = 1 + random.nextInt(12);
                for (int i = 0; i < n; i++) {
                    chosen.add(ids.get(random.nextInt(ids.size())));
                }
                long[] d = decision(commune, year, effective);
                decisions.add(d);
                Long village = commune == data.c1 && random.nextBoolean() ? Long.valueOf(data.vA) : null;
                status(chosen.stream().distinct().toList(), d, effective, commune, village);
                return "decision of " + effective + " on " + chosen.size() + " households";
            }
            case 2 -> {
                List<Long> ds = jdbc.sql("""
                                SELECT DISTINCT decision_id FROM household_status WHERE province_code = :p AND NOT revoked
                                ORDER BY 1""").param("p", PROVINCE).query(Long.class).list();
                long d = ds.get(random.nextInt(ds.size()));
                jdbc.sql("UPDATE household_status SET revoked = true WHERE province_code = :p AND decision_id = :d")
                        .param("p", PROVINCE).param("d", d).update();
                return "revoked decision " + d;
            }
            case 3 -> {
                long commune = communes[random.nextInt(4)];
                Long village = commune == data.c2 && random.nextBoolean() ? Long.valueOf(data.vB) : null;
                String area = new String[] {"urban", "rural", null}[random.nextInt(3)];
                jdbc.sql("UPDATE household SET commune_id = :c, village_id = :v, area = :a WHERE province_code = :p AND id = :h")
                        .param("c", commune).param("v", village).param("a", area).param("p", PROVINCE).param("h", h).update();
                return "household " + h + " to commune " + commune + ", village " + village + ", area " + area;
            }
            case 4 -> {
                String[] types = {"dissolved", "merged_into", "moved"};
                String type = types[random.nextInt(3)];
                LocalDate date = LocalDate.of(2019 + random.nextInt(10), 1 + random.nextInt(12), 1 + random.nextInt(28));
                jdbc.sql("UPDATE household SET life_status = :s WHERE province_code = :p AND id = :h")
                        .param("s", type.equals("dissolved") ? "dissolved" : type.equals("moved") ? "moved_away" : "merged")
                        .param("p", PROVINCE).param("h", h).update();
                event(PROVINCE, h, type, date);
                return type + " " + h + " on " + date;
            }
            case 5 -> {
                // moves to another province: copied there with its id (the register's way), an event left behind
                LocalDate date = LocalDate.of(2020 + random.nextInt(8), 1 + random.nextInt(12), 1 + random.nextInt(28));
                Map<String, Object> row = jdbc.sql("SELECT household_code FROM household WHERE province_code = :p AND id = :h")
                        .param("p", PROVINCE).param("h", h).query().singleRow();
                jdbc.sql("DELETE FROM household WHERE province_code = :p AND id = :h").param("p", PROVINCE).param("h", h).update();
                jdbc.sql("""
                                INSERT INTO household (id, province_code, household_code, commune_id, area, income_per_capita,
                                    housing_quality, floor_area_m2, water_source, toilet, internet_use)
                                VALUES (:h, :p, :code, :c, 'rural', 1000000, 'durable', 40, 'piped', 'septic', true)""")
                        .param("h", h).param("p", OTHER).param("code", row.get("household_code") + "-" + System.nanoTime() % 100000)
                        .param("c", otherCommune).update();
                event(PROVINCE, h, "moved", date);
                return "moved " + h + " to province " + OTHER + " on " + date;
            }
            case 6 -> {
                long commune = communes[random.nextInt(4)];
                long id = household(commune, commune == data.c1 && random.nextBoolean() ? data.vA : null,
                        new String[] {"urban", "rural", null}[random.nextInt(3)]);
                return "new household " + id;
            }
            case 7 -> {
                jdbc.sql("DELETE FROM household WHERE province_code = :p AND id = :h").param("p", PROVINCE).param("h", h).update();
                return "deleted household " + h;
            }
            case 8 -> {
                List<Long> events = jdbc.sql("SELECT id FROM household_event WHERE province_code = :p ORDER BY id")
                        .param("p", PROVINCE).query(Long.class).list();
                if (events.isEmpty()) {
                    return "no event to delete";
                }
                long e = events.get(random.nextInt(events.size()));
                jdbc.sql("DELETE FROM household_event WHERE id = :e").param("e", e).update();
                jdbc.sql("""
                                UPDATE household h SET life_status = 'active' WHERE province_code = :p AND life_status <> 'active'
                                AND NOT EXISTS (SELECT 1 FROM household_event x WHERE x.household_id = h.id
                                                AND x.province_code = h.province_code)
                                AND id % 2 = 0""").param("p", PROVINCE).update();
                return "deleted event " + e;
            }
            case 9 -> {
                // one statement changing many households (row triggers, many times in one statement)
                int updated = jdbc.sql("""
                                UPDATE household SET area = CASE WHEN area = 'urban' THEN 'rural' ELSE 'urban' END
                                WHERE province_code = :p AND id % 7 = :r""").param("p", PROVINCE).param("r", random.nextInt(7)).update();
                return "area flipped on " + updated + " households";
            }
            default -> {
                // a decision on every household of a commune and a second, later one in the same year
                long commune = communes[random.nextInt(4)];
                int year = 2020 + random.nextInt(8);
                List<Long> inCommune = jdbc.sql("SELECT id FROM household WHERE province_code = :p AND commune_id = :c")
                        .param("p", PROVINCE).param("c", commune).query(Long.class).list();
                status(inCommune, decision(commune, year, LocalDate.of(year, 1, 1)), LocalDate.of(year, 1, 1), commune, null);
                status(inCommune.subList(0, inCommune.size() / 2), decision(commune, year, LocalDate.of(year, 7, 1)),
                        LocalDate.of(year, 7, 1), commune, null);
                return "two decisions of " + year + " on commune " + commune + " (" + inCommune.size() + " households)";
            }
        }
    }

    private long[] decision(long commune, int year, LocalDate effective) {
        return data.decision(commune, year, effective, "ND07_2021");
    }

    private long household(long commune, Long village, String area) {
        return jdbc.sql("""
                        INSERT INTO household (province_code, household_code, commune_id, village_id, area, income_per_capita,
                            housing_quality, floor_area_m2, water_source, toilet, internet_use)
                        VALUES (:p, :code, :c, :v, :a, 1000000, 'durable', 40, 'piped', 'septic', true) RETURNING id""")
                .param("p", PROVINCE).param("code", "AG" + System.nanoTime() % 100_000_000).param("c", commune)
                .param("v", village).param("a", area).query(Long.class).single();
    }

    private void event(String province, long h, String type, LocalDate date) {
        jdbc.sql("""
                        INSERT INTO household_event (province_code, household_id, event_type, event_date, recorded_by)
                        VALUES (:p, :h, :t, :d, 'test')""").param("p", province).param("h", h).param("t", type).param("d", date).update();
    }

    /** One INSERT … SELECT for all the households (the statement-level trigger sees them together). */
    private void status(List<Long> households, long[] decision, LocalDate effective, long commune, Long village) {
        if (households.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO household_status (province_code, household_id, commune_id, village_id, decision_id, round_id,
                            list_year, effective_from, status, poor_kind, deprivation_count, deprived, standard_code,
                            standard_version, household_code, head_name, members, area, ethnic_minority, social_protection,
                            merit, causes)
                        SELECT :p, h, :c, :v, :d, :r, :y, :e,
                               (ARRAY['poor', 'near_poor', 'average', 'not_poor'])[1 + (h * 7 + :salt) % 4],
                               CASE WHEN (h + :salt) % 3 = 0 THEN 'income_poor' WHEN (h + :salt) % 3 = 1 THEN 'deprivation_poor' END,
                               0,
                               CASE (h + :salt) % 4 WHEN 0 THEN ARRAY['employment', 'nutrition'] WHEN 1 THEN ARRAY['housing_area']
                                    WHEN 2 THEN ARRAY['nutrition', 'employment'] ELSE CAST('{}' AS text[]) END,
                               'ND07_2021', 1, 'X' || h, 'Nguyễn Văn B', 3,
                               CASE WHEN (h + :salt) % 2 = 0 THEN 'urban' ELSE 'rural' END,
                               (h + :salt) % 3 = 0, (h + :salt) % 5 = 0, (h + :salt) % 2 = 1,
                               CASE (h + :salt) % 3 WHEN 0 THEN ARRAY['lack_capital', 'illness', 'lack_capital']
                                    WHEN 1 THEN ARRAY['no_job'] ELSE CAST('{}' AS text[]) END
                          FROM unnest(CAST(:ids AS bigint[])) AS h""")
                .param("p", PROVINCE).param("c", commune).param("v", village).param("d", decision[1]).param("r", decision[0])
                .param("y", effective.getYear()).param("e", effective).param("salt", random.nextInt(1000))
                .param("ids", households.toArray(new Long[0])).update();
    }

    private void assertSame(String after) {
        for (int year = 2018; year <= 2029; year++) {
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
