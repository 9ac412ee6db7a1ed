package vn.giamngheo.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
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
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.plan.InvalidPlanException;
import vn.giamngheo.plan.PlanClassGoals;
import vn.giamngheo.plan.PlanGoal;
import vn.giamngheo.plan.rules.ClassGoalRules.Outcome;
import vn.giamngheo.population.PopulationGroup;
import vn.giamngheo.programmegoal.ProgrammeGoals;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * Goals set on area classes and the programme's goals checked for a province, every figure against an independent
 * SQL count written plainly here on the same database ({@link ReportOracle}'s households placed on today's map):
 * a list of poor communes of the old map (valid to 30 June 2025) and one of today's map (from 1 July 2025), the
 * communes of a region, and the year 2025 measured from the lists of 1 January 2025 to those of 1 January 2026.
 */
@Tag("database")
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AreaClassGoalsTest {

    /** A province of today's map no other test writes into, with a split commune and a commune merged whole. */
    static String PROVINCE;

    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired GeographyCatalog geography;
    @Autowired PlanClassGoals classGoals;
    @Autowired ProgrammeGoals programmeGoals;

    ReportFixture data;
    CurrentUser officer;
    CurrentUser otherProvince;

    @BeforeAll
    void generate() {
        for (String code : jdbc.sql("SELECT code FROM admin_unit WHERE level = 'province' AND valid_to IS NULL"
                + " AND code NOT IN ('08', '12', '40', '42', '86', '92', '96') ORDER BY code DESC").query(String.class).list()) {
            try {
                data = new ReportFixture(jdbc, geography, code);
                PROVINCE = code;
                break;
            } catch (org.springframework.dao.EmptyResultDataAccessException e) {
                // no split commune, or none merged whole, in this province: the next
            }
        }
        data.generate(400);
        officer = new RegistryFixture(jdbc, users).user(Role.PROVINCE_OFFICER, "province", PROVINCE);
        otherProvince = new RegistryFixture(jdbc, users).user(Role.PROVINCE_OFFICER, "province", "86");
        Random random = new Random(53);
        for (long h : data.households) {
            jdbc.sql("UPDATE household SET ethnic_minority = :em WHERE province_code = :p AND id = :h")
                    .param("em", random.nextInt(3) == 0).param("p", PROVINCE).param("h", h).update();
        }
        // poor communes: the old communes until the reform, two of today's communes after it; region III: c4
        for (long unit : List.of(data.oldSplit, data.oldWhole)) {
            classRow(unit, "poor_commune", "353/QĐ-TTg", LocalDate.of(2022, 3, 15), LocalDate.of(2025, 6, 30));
        }
        for (long unit : List.of(data.c1, data.c3)) {
            classRow(unit, "poor_commune", "QĐ thử nghiệm 2025", LocalDate.of(2025, 7, 1), null);
        }
        classRow(data.c4, "region_3", "861/QĐ-TTg", LocalDate.of(2025, 7, 1), null);
    }

    private void classRow(long unit, String code, String decision, LocalDate from, LocalDate to) {
        jdbc.sql("""
                        INSERT INTO unit_area_class (unit_id, province_code, class_code, decision, decision_date, valid_from,
                            valid_to, created_by)
                        VALUES (:u, :p, :c, :d, :from, :from, :to, 'test')""")
                .param("u", unit).param("p", PROVINCE).param("c", code).param("d", decision).param("from", from)
                .param("to", to).update();
    }

    @Test
    void eachPoorCommuneIsTrackedOnItsOwnAgainstAPlainCount() {
        PlanGoal g = classGoals.set(data.provinceId, "2021_2025", new PlanClassGoals.Input("each_unit", List.of("poor_commune"),
                null, 2024, null, new BigDecimal("3"), null, "mỗi xã nghèo −3 điểm/năm"), officer);
        assertThat(g.goalKind()).isEqualTo("each_unit");
        assertThat(g.startRate()).isNull();
        PlanClassGoals.Tracking t = classGoals.track(g.id(), officer);
        assertThat(t.eachUnit()).extracting(PlanClassGoals.EachUnitYear::year).containsExactly(2025);
        PlanClassGoals.EachUnitYear y = t.eachUnit().get(0);
        assertThat(y.ended()).isTrue();
        // the holders on 31 December 2025, plainly: rows in force that day naming a unit of that day's map
        List<Long> holders = jdbc.sql("""
                        SELECT x.unit_id FROM unit_area_class x JOIN admin_unit u ON u.id = x.unit_id
                         WHERE x.class_code = 'poor_commune' AND x.province_code = :p AND x.valid_from <= :d
                           AND (x.valid_to IS NULL OR x.valid_to >= :d) AND (u.valid_to IS NULL OR u.valid_to >= :d)
                         ORDER BY u.code""")
                .param("p", PROVINCE).param("d", LocalDate.of(2025, 12, 31)).query(Long.class).list();
        assertThat(holders).containsExactlyInAnyOrder(data.c1, data.c3);
        assertThat(y.communes()).extracting(PlanClassGoals.CommuneLine::unitId).containsExactlyElementsOf(holders);
        int met = 0;
        for (PlanClassGoals.CommuneLine c : y.communes()) {
            long[] before = commune(c.unitId(), LocalDate.of(2025, 1, 1), "true");
            long[] after = commune(c.unitId(), LocalDate.of(2026, 1, 1), "true");
            assertThat(new long[] {c.before().households(), c.before().poor()}).as("before %s", c.code()).containsExactly(before);
            assertThat(new long[] {c.after().households(), c.after().poor()}).as("after %s", c.code()).containsExactly(after);
            assertThat(c.fall().before()).isEqualByComparingTo(rate(before));
            assertThat(c.fall().after()).isEqualByComparingTo(rate(after));
            // met: poor_b/h_b − poor_a/h_a ≥ 3 points, multiplied through
            boolean expectMet = before[1] * 100 * after[0] - after[1] * 100 * before[0] >= 3 * before[0] * after[0];
            assertThat(c.fall().outcome()).as(c.code()).isEqualTo(expectMet ? Outcome.MET : Outcome.NOT_MET);
            met += expectMet ? 1 : 0;
        }
        assertThat(y.tally().met()).isEqualTo(met);
        assertThat(y.tally().holders()).isEqualTo(2);
        // a commune's own trajectory: its rate at the end of 2024 and 2025 on today's map
        var own = classGoals.commune(g.id(), data.c1, officer);
        assertThat(own.years()).hasSize(2);
        long[] start = commune(data.c1, LocalDate.of(2025, 1, 1), "true");
        assertThat(own.goal().startRate()).isEqualByComparingTo(rate(start));
        assertThat(own.years().get(1).goalRate()).isEqualByComparingTo(rate(start).subtract(new BigDecimal("3")).max(BigDecimal.ZERO));
        // the same goal twice is refused; a change needs the version it was read at
        assertThatThrownBy(() -> classGoals.set(data.provinceId, "2021_2025", new PlanClassGoals.Input("each_unit",
                List.of("poor_commune"), null, 2024, null, BigDecimal.ONE, null, null), officer))
                .isInstanceOf(InvalidPlanException.class).hasMessageContaining("plan.class-goal.error.exists");
        PlanGoal changed = classGoals.edit(g.id(), g.version(), new PlanClassGoals.Input(null, null, null, 2024, null,
                new BigDecimal("2.5"), null, null), officer);
        assertThat(changed.yearlyPoints()).isEqualByComparingTo("2.5");
        assertThatThrownBy(() -> classGoals.edit(g.id(), g.version(), new PlanClassGoals.Input(null, null, null, 2024, null,
                BigDecimal.ONE, null, null), officer)).isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("plan.class-goal.error.stale");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity = 'plan_goal' AND entity_id = :id")
                .param("id", String.valueOf(g.id())).query(Long.class).single()).isGreaterThanOrEqualTo(2);
        // another province's officer does not see it
        assertThatThrownBy(() -> classGoals.track(g.id(), otherProvince)).isInstanceOf(RuntimeException.class)
                .hasMessageContaining("no");
    }

    @Test
    void aClassCeilingCountsTheHouseholdsOfItsHoldersAndRefusesNonsense() {
        PlanGoal g = classGoals.set(data.provinceId, "2021_2025", new PlanClassGoals.Input("class_ceiling",
                List.of("region_3", "poor_commune"), "ethnic_minority", 2024, null, null, new BigDecimal("10"), null), officer);
        assertThat(g.areaClass()).isEqualTo("poor_commune,region_3"); // the catalogue's order
        // end of 2024 (lists of 1 January 2025): holders on 31 December 2024 are the old poor communes
        long[] base = classTotal(List.of(data.oldSplit, data.oldWhole), LocalDate.of(2025, 1, 1), em());
        assertThat(g.startRate()).isEqualByComparingTo(rate(base));
        PlanClassGoals.Tracking t = classGoals.track(g.id(), officer);
        PlanClassGoals.CeilingYear y2025 = t.ceiling().get(1);
        long[] actual = classTotal(List.of(data.c1, data.c3, data.c4), LocalDate.of(2026, 1, 1), em());
        assertThat(new long[] {y2025.actual().households(), y2025.actual().poor()}).containsExactly(actual);
        boolean below = actual[1] * 100 < 10 * actual[0];
        assertThat(y2025.check().outcome()).isEqualTo(below ? Outcome.MET : Outcome.NOT_MET);
        assertThatThrownBy(() -> classGoals.set(data.provinceId, "2021_2025", new PlanClassGoals.Input("class_ceiling",
                List.of("moon_base"), null, 2024, null, null, new BigDecimal("10"), null), officer))
                .isInstanceOf(InvalidPlanException.class).hasMessageContaining("plan.class-goal.error.class");
        assertThatThrownBy(() -> classGoals.set(data.provinceId, "2021_2025", new PlanClassGoals.Input("each_unit",
                List.of("difficult_village"), null, 2024, null, BigDecimal.ONE, null, null), officer))
                .isInstanceOf(InvalidPlanException.class).hasMessageContaining("plan.class-goal.error.not-commune-class");
    }

    @Test
    void theProgrammesGoalsForTheProvinceEqualPlainCounts() {
        ProgrammeGoals.Checks checks = programmeGoals.check(PROVINCE, 2025, officer);
        assertThat(checks.periodCode()).isEqualTo("2026-2030");
        Map<String, ProgrammeGoals.Check> byCode = new java.util.HashMap<>();
        checks.checks().forEach(c -> byCode.put(c.goal().code(), c));
        assertThat(byCode).containsOnlyKeys("overall_fall", "ethnic_minority_fall", "poor_commune_fall", "region_ceiling",
                "poor_commune_exit");
        // the province's rate and the ethnic-minority households' own rate, end of 2024 against end of 2025
        for (String code : List.of("overall_fall", "ethnic_minority_fall")) {
            String plain = code.equals("overall_fall") ? "true" : em();
            long[] before = province(LocalDate.of(2025, 1, 1), plain);
            long[] after = province(LocalDate.of(2026, 1, 1), plain);
            ProgrammeGoals.Check c = byCode.get(code);
            assertThat(c.base()).as(code).isEqualByComparingTo(rate(before));
            assertThat(c.actual()).as(code).isEqualByComparingTo(rate(after));
            BigDecimal min = c.goal().minPoints();
            boolean met = BigDecimal.valueOf(before[1] * 100 * after[0] - after[1] * 100 * before[0])
                    .compareTo(min.multiply(BigDecimal.valueOf(before[0] * after[0]))) >= 0;
            assertThat(c.outcome()).as(code).isEqualTo(met ? Outcome.MET : Outcome.NOT_MET);
            assertThat(c.required()).isEqualByComparingTo(rate(before).subtract(min).max(BigDecimal.ZERO));
        }
        // each poor commune: k of n from the plain per-commune counts
        ProgrammeGoals.Check each = byCode.get("poor_commune_fall");
        int met = 0;
        for (long commune : List.of(data.c1, data.c3)) {
            long[] b = commune(commune, LocalDate.of(2025, 1, 1), "true");
            long[] a = commune(commune, LocalDate.of(2026, 1, 1), "true");
            met += b[1] * 100 * a[0] - a[1] * 100 * b[0] >= 3 * b[0] * a[0] ? 1 : 0;
        }
        assertThat(each.base()).isEqualByComparingTo("2");
        assertThat(each.actual()).isEqualByComparingTo(String.valueOf(met));
        assertThat(each.outcome()).isEqualTo(met == 2 ? Outcome.MET : Outcome.NOT_MET);
        // the region: its households at the end of 2025 (the base year of 2026-2030 is 2025 itself)
        ProgrammeGoals.Check region = byCode.get("region_ceiling");
        long[] r = classTotal(List.of(data.c4), LocalDate.of(2026, 1, 1), "true");
        assertThat(region.base()).isEqualByComparingTo(rate(r));
        assertThat(region.actual()).isEqualByComparingTo(rate(r));
        assertThat(region.outcome()).isEqualTo(Outcome.MET);
        // poor communes at the end of 2025: two, as at the base; two allowed in the base year
        ProgrammeGoals.Check exit = byCode.get("poor_commune_exit");
        assertThat(exit.actual()).isEqualByComparingTo("2");
        assertThat(exit.required()).isEqualByComparingTo("2");
        assertThat(exit.outcome()).isEqualTo(Outcome.MET);
        // a year not ended is not yet measurable; another province is not found
        assertThat(programmeGoals.check(PROVINCE, 2026, officer).checks()).allMatch(c -> c.outcome() == Outcome.NOT_MEASURABLE);
        assertThatThrownBy(() -> programmeGoals.check(PROVINCE, 2025, otherProvince))
                .hasMessageContaining("no province");
    }

    @Test
    void onlyAdministratorsChangeTheProgrammesGoalsWithTheirVersion() {
        CurrentUser admin = new RegistryFixture(jdbc, users).user(Role.ADMINISTRATOR, null, null);
        long id = jdbc.sql("SELECT id FROM programme_goal WHERE code = 'overall_fall'").query(Long.class).single();
        ProgrammeGoals.Change change = new ProgrammeGoals.Change(0, new BigDecimal("1.00"), new BigDecimal("1.50"), null, null,
                "Tỷ lệ hộ nghèo đa chiều giảm 1–1,5 điểm/năm", "Falls 1–1.5 points a year", "Nghị quyết (thử)", "S2", true);
        assertThatThrownBy(() -> programmeGoals.edit(id, change, officer))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        var current = programmeGoals.get(id);
        var changed = programmeGoals.edit(id, new ProgrammeGoals.Change(current.version(), new BigDecimal("1.00"),
                new BigDecimal("1.50"), null, null, current.textVi(), current.textEn(), current.legalSource(), "S2", true), admin);
        assertThat(changed.version()).isEqualTo(current.version() + 1);
        assertThatThrownBy(() -> programmeGoals.edit(id, new ProgrammeGoals.Change(current.version(), new BigDecimal("1.00"),
                null, null, null, current.textVi(), current.textEn(), current.legalSource(), "S2", true), admin))
                .isInstanceOf(InvalidPlanException.class).hasMessageContaining("programmegoal.error.stale");
        assertThatThrownBy(() -> programmeGoals.edit(id, new ProgrammeGoals.Change(changed.version(), BigDecimal.ZERO,
                null, null, null, current.textVi(), current.textEn(), current.legalSource(), "maybe", true), admin))
                .isInstanceOf(InvalidPlanException.class).hasMessageContaining("programmegoal.error.points");
    }

    /** The ethnic-minority households, plainly (the flag, else the head's ethnicity), over the oracle's alias h. */
    private static String em() {
        return GroupReportTest.PLAIN.get(PopulationGroup.ETHNIC_MINORITY);
    }

    /** Households and poor placed in a commune of today's map on the day. */
    private long[] commune(long commune, LocalDate day, String plain) {
        return jdbc.sql(ReportOracle.TARGET + """
                        SELECT count(*) AS n, count(*) FILTER (WHERE t.status = 'poor') AS poor
                          FROM target t JOIN household h ON h.province_code = :p AND h.id = t.id
                         WHERE t.commune = :c AND\s""" + plain)
                .param("p", PROVINCE).param("d", day).param("c", commune)
                .query((rs, i) -> new long[] {rs.getLong("n"), rs.getLong("poor")}).single();
    }

    /** Households and poor recorded (or registered) in one of the holders on the day. */
    private long[] classTotal(List<Long> holders, LocalDate day, String plain) {
        return jdbc.sql(ReportOracle.TARGET + """
                        SELECT count(*) AS n, count(*) FILTER (WHERE t.status = 'poor') AS poor
                          FROM target t JOIN household h ON h.province_code = :p AND h.id = t.id
                         WHERE (t.rec IN (:holders) OR t.reg IN (:holders)) AND\s""" + plain)
                .param("p", PROVINCE).param("d", day).param("holders", holders)
                .query((rs, i) -> new long[] {rs.getLong("n"), rs.getLong("poor")}).single();
    }

    private long[] province(LocalDate day, String plain) {
        return jdbc.sql(ReportOracle.TARGET + """
                        SELECT count(*) AS n, count(*) FILTER (WHERE t.status = 'poor') AS poor
                          FROM target t JOIN household h ON h.province_code = :p AND h.id = t.id
                         WHERE\s""" + plain)
                .param("p", PROVINCE).param("d", day)
                .query((rs, i) -> new long[] {rs.getLong("n"), rs.getLong("poor")}).single();
    }

    private static BigDecimal rate(long[] counts) {
        return BigDecimal.valueOf(counts[1] * 100).divide(BigDecimal.valueOf(counts[0]), 2, RoundingMode.HALF_UP);
    }
}
