package vn.giamngheo.report;

import vn.giamngheo.geography.UnitOutsideAreaException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.report.rules.CodeTally;
import vn.giamngheo.report.rules.Counts;
import vn.giamngheo.report.rules.Place;
import vn.giamngheo.report.rules.Results;
import vn.giamngheo.report.rules.Selection;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * Every figure of every report on generated data ({@link ReportFixture}) against an independent SQL count
 * ({@link ReportOracle}); old and new boundaries give the same national totals; a new decision shows at once.
 */
@Tag("database")
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportServiceTest {

    static final String PROVINCE = "96";

    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired GeographyCatalog geography;
    @Autowired ReportService reports;

    ReportFixture data;
    ReportOracle oracle;
    CurrentUser ministry;
    CurrentUser provinceOfficer;
    CurrentUser otherProvince;

    @BeforeAll
    void generate() {
        data = new ReportFixture(jdbc, geography, PROVINCE).generate(600);
        oracle = new ReportOracle(jdbc);
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        ministry = nationalUser(users);
        provinceOfficer = fixture.user(Role.PROVINCE_OFFICER, "province", PROVINCE);
        otherProvince = fixture.user(Role.PROVINCE_OFFICER, "province", "01");
    }

    static CurrentUser nationalUser(UserAccounts users) {
        String name = "bo-report" + System.nanoTime() % 1_000_000;
        users.create(name, "password-123", "Bộ Báo Cáo", Role.MINISTRY_VIEWER, null);
        return users.findByUsername(name).orElseThrow();
    }

    @Test
    void resultsByCommuneEqualIndependentCountsInEveryYear() {
        for (int year : List.of(2021, 2024, 2025, 2026)) {
            ReportSet set = reports.compute(reports.context(data.provinceId, year, "today", provinceOfficer), ReportKind.RESULTS);
            Map<Long, Map<String, Counts>> expected = oracle.byCommune(PROVINCE, LocalDate.of(year, 12, 31));
            Map<Long, Map<String, Counts>> actual = new HashMap<>();
            for (Results.Row row : set.results().rows()) {
                Long key = row.key().kind() == Selection.RowKey.Kind.UNPLACED ? null : row.key().unit().id();
                Map<String, Counts> areas = new HashMap<>();
                if (row.urban().households() > 0) {
                    areas.put("urban", row.urban());
                }
                if (row.rural().households() > 0) {
                    areas.put("rural", row.rural());
                }
                actual.put(key, areas);
                assertThat(row.all()).isEqualTo(row.urban().plus(row.rural()));
            }
            assertThat(actual).as("year %d", year).isEqualTo(expected);
            Counts total = expected.values().stream().flatMap(m -> m.values().stream()).reduce(Counts.ZERO, Counts::plus);
            assertThat(set.results().total().all()).as("total %d", year).isEqualTo(total);
            assertThat(total.poor()).as("the fixture has poor households in %d", year).isPositive();
        }
    }

    @Test
    void splitCommunePlacedByVillageThenRegisterElseUnplaced() {
        ReportSet set = reports.compute(reports.context(data.provinceId, 2024, "today", provinceOfficer), ReportKind.RESULTS);
        Map<Place.Method, Long> methods = set.results().methods();
        assertThat(methods.get(Place.Method.VILLAGE)).isPositive();
        assertThat(methods.get(Place.Method.REGISTER)).isPositive();
        assertThat(methods.get(Place.Method.SUCCESSOR)).isPositive();
        assertThat(methods.get(Place.Method.UNPLACED)).isPositive();
        assertThat(set.results().rows()).anyMatch(r -> r.key().kind() == Selection.RowKey.Kind.UNPLACED);
    }

    @Test
    void oldAndNewBoundariesGiveTheSameNationalTotals() {
        for (int year : List.of(2021, 2024, 2025, 2026)) {
            Results own = reports.compute(reports.context(null, year, "own", ministry), ReportKind.RESULTS).results();
            Results today = reports.compute(reports.context(null, year, "today", ministry), ReportKind.RESULTS).results();
            assertThat(own.total()).as("year %d", year).isEqualTo(today.total());
            assertThat(own.rows().stream().map(r -> r.all()).reduce(Counts.ZERO, Counts::plus)).isEqualTo(own.total().all());
            assertThat(today.rows().stream().map(r -> r.all()).reduce(Counts.ZERO, Counts::plus)).isEqualTo(today.total().all());
        }
        // on the 2024 map the old communes are rows of their old province, not of today's
        ReportContext own2024 = reports.context(null, 2024, "own", ministry);
        assertThat(own2024.unitsDate()).isEqualTo(LocalDate.of(2024, 12, 31));
        Results own = reports.compute(own2024, ReportKind.RESULTS).results();
        assertThat(own.rows()).allMatch(r -> r.key().unit() == null || r.key().unit().validTo() != null);
    }

    @Test
    void deprivationsPerIndicatorAndDimensionEqualIndependentCounts() {
        LocalDate date = LocalDate.of(2026, 12, 31);
        ReportSet set = reports.compute(reports.context(data.provinceId, 2026, "today", provinceOfficer), ReportKind.DEPRIVATIONS);
        for (String status : List.of("poor", "near_poor")) {
            Map<String, Long> expected = oracle.perCode(PROVINCE, date, status, "deprived");
            for (CodeTally.Line line : set.indicators().lines()) {
                long n = status.equals("poor") ? line.poor() : line.nearPoor();
                assertThat(n).as("%s %s", status, line.code()).isEqualTo(expected.getOrDefault(line.code(), 0L));
            }
            assertThat(set.indicators().lines().stream().map(CodeTally.Line::code)).containsAll(expected.keySet());
            Map<String, List<String>> dims = Map.of("employment", List.of("employment", "dependants"),
                    "health", List.of("nutrition", "health_insurance"), "education", List.of("adult_education", "child_schooling"),
                    "housing", List.of("housing_quality", "housing_area"), "water_sanitation", List.of("water_source", "sanitation"),
                    "information", List.of("telecom_use", "information_devices", "information_assets"));
            assertThat(set.dimensions().lines()).hasSize(6);
            for (CodeTally.Line line : set.dimensions().lines()) {
                long n = status.equals("poor") ? line.poor() : line.nearPoor();
                assertThat(n).as("%s %s", status, line.code()).isEqualTo(oracle.anyOf(PROVINCE, date, status, dims.get(line.code())));
            }
        }
        assertThat(set.indicators().poor()).isEqualTo(set.results().total().all().poor());
    }

    @Test
    void causesEqualIndependentCounts() {
        LocalDate date = LocalDate.of(2025, 12, 31);
        ReportSet set = reports.compute(reports.context(data.provinceId, 2025, "today", provinceOfficer), ReportKind.CAUSES);
        for (String status : List.of("poor", "near_poor")) {
            Map<String, Long> expected = oracle.perCode(PROVINCE, date, status, "causes");
            assertThat(expected).isNotEmpty();
            for (CodeTally.Line line : set.causes().lines()) {
                long n = status.equals("poor") ? line.poor() : line.nearPoor();
                assertThat(n).as("%s %s", status, line.code()).isEqualTo(expected.getOrDefault(line.code(), 0L));
            }
        }
    }

    @Test
    void communesByBandEqualIndependentCounts() {
        String before = jdbc.sql("SELECT value FROM parameter WHERE key = 'report.rate_bands'").query(String.class).single();
        assertThat(before).isEqualTo("1,2,3,5,10");
        try {
            jdbc.sql("UPDATE parameter SET value = '15,20,22,25,30' WHERE key = 'report.rate_bands'").update();
            for (int year : List.of(2024, 2026)) {
                ReportSet set = reports.compute(reports.context(data.provinceId, year, "today", provinceOfficer), ReportKind.BANDS);
                Map<Integer, Long> expected = oracle.bands(PROVINCE, LocalDate.of(year, 12, 31), 15, 20, 22, 25, 30);
                assertThat(set.bands()).hasSize(6);
                set.bands().forEach(b -> assertThat(b.communes()).as("band %s in %d", b.label(), year)
                        .isEqualTo(expected.getOrDefault(b.index(), 0L)));
                assertThat(set.bands().get(0).label()).isEqualTo("< 15 %");
                assertThat(set.bands().get(5).label()).isEqualTo("≥ 30 %");
            }
        } finally {
            jdbc.sql("UPDATE parameter SET value = :v WHERE key = 'report.rate_bands'").param("v", before).update();
        }
    }

    @Test
    void trendsGiveEachYearsTotals() {
        ReportSet set = reports.compute(reports.context(data.provinceId, 2026, "today", provinceOfficer), ReportKind.TRENDS);
        assertThat(set.trend()).extracting(ReportSet.TrendYear::year).contains(2021, 2024, 2025, 2026);
        for (ReportSet.TrendYear y : set.trend()) {
            Counts expected = oracle.byCommune(PROVINCE, LocalDate.of(y.year(), 12, 31)).values().stream()
                    .flatMap(m -> m.values().stream()).reduce(Counts.ZERO, Counts::plus);
            assertThat(y.counts()).as("year %d", y.year()).isEqualTo(expected);
        }
    }

    @Test
    void aNewDecisionShowsAtOnce() {
        ReportContext ctx = reports.context(data.c4, 2026, "today", provinceOfficer);
        Counts before = reports.compute(ctx, ReportKind.RESULTS).results().total().all();
        long household = data.households.get(0);
        String commune = jdbc.sql("SELECT commune_id FROM household WHERE id = :h").param("h", household).query(String.class).single();
        long[] decision = data.decision(data.c4, 2026, LocalDate.of(2026, 11, 20), "ND07_2021");
        // a household of c4 that is not poor now becomes poor by a monthly decision
        Long target = jdbc.sql("""
                        SELECT h.id FROM household h WHERE h.province_code = :p AND h.commune_id = :c AND h.life_status = 'active'
                        AND coalesce((SELECT s.status FROM household_status s WHERE s.province_code = h.province_code
                              AND s.household_id = h.id AND NOT s.revoked ORDER BY s.effective_from DESC, s.id DESC LIMIT 1), 'x') <> 'poor'
                        AND NOT EXISTS (SELECT 1 FROM household_status s WHERE s.household_id = h.id AND s.commune_id <> :c
                              AND NOT s.revoked)
                        ORDER BY h.id LIMIT 1""")
                .param("p", PROVINCE).param("c", data.c4).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO household_status (province_code, household_id, commune_id, decision_id, round_id, list_year,
                            effective_from, status, standard_code, standard_version, household_code, head_name, members, area,
                            ethnic_minority, social_protection, merit)
                        VALUES (:p, :h, :c, :d, :r, 2026, DATE '2026-11-20', 'poor', 'ND07_2021', 1, 'X', 'Lò Văn B', 4, 'rural',
                                true, false, false)""")
                .param("p", PROVINCE).param("h", target).param("c", data.c4).param("d", decision[1]).param("r", decision[0])
                .update();
        Counts after = reports.compute(ctx, ReportKind.RESULTS).results().total().all();
        assertThat(after.poor()).isEqualTo(before.poor() + 1);
        assertThat(after.poorEthnicMinority()).isEqualTo(before.poorEthnicMinority() + 1);
        assertThat(after.households()).isEqualTo(before.households());
        assertThat(commune).isNotNull();
    }

    @Test
    void unitsOutsideTheAreaAreNotFoundAndBadInputIsRefused() {
        assertThatThrownBy(() -> reports.context(data.provinceId, 2026, "today", otherProvince))
                .isInstanceOf(UnitOutsideAreaException.class);
        assertThatThrownBy(() -> reports.context(data.oldSplit, 2026, "today", otherProvince))
                .isInstanceOf(UnitOutsideAreaException.class);
        // an old commune of the area is allowed on its own map, refused on today's
        assertThat(reports.context(data.oldSplit, 2024, "own", provinceOfficer).unit().id()).isEqualTo(data.oldSplit);
        assertThatThrownBy(() -> reports.context(data.oldSplit, 2024, "today", provinceOfficer))
                .isInstanceOf(UnitNotOnMapException.class);
        assertThatThrownBy(() -> reports.context(null, 2026, "yesterday", ministry)).isInstanceOf(InvalidReportException.class);
        assertThatThrownBy(() -> reports.context(null, 1999, "own", ministry)).isInstanceOf(InvalidReportException.class);
        assertThatThrownBy(() -> ReportKind.parse("everything")).isInstanceOf(InvalidReportException.class);
    }
}
