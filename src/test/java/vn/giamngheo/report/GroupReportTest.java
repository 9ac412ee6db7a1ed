package vn.giamngheo.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
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
import vn.giamngheo.plan.PlanGoal;
import vn.giamngheo.plan.PlanGoals;
import vn.giamngheo.plan.rules.GoalTrajectory;
import vn.giamngheo.population.PopulationGroup;
import vn.giamngheo.population.PopulationGroups;
import vn.giamngheo.report.rules.Counts;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * Every population group's report against an independent SQL count on the same database: the group's households
 * (its own denominator), poor and near-poor, written plainly here (Postgres {@code age()} for ages, the head read by
 * its relation), for several years; the default report is the one of every household, unchanged.
 */
@Tag("database")
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupReportTest {

    static final String PROVINCE = "86";

    /** The group's households, written independently of {@code PopulationGroup} (alias {@code h}, day {@code :d}). */
    static final Map<PopulationGroup, String> PLAIN = Map.of(
            PopulationGroup.ALL, "true",
            PopulationGroup.ETHNIC_MINORITY, "CASE WHEN h.ethnic_minority IS NOT NULL THEN h.ethnic_minority ELSE"
                    + " coalesce((SELECT x.ethnicity NOT IN ('Kinh', 'Người nước ngoài') FROM household_member x"
                    + " WHERE x.household_id = h.id AND x.province_code = h.province_code AND x.relation = 'head'), false) END",
            PopulationGroup.WOMAN_HEADED, "(SELECT sex FROM household_member x WHERE x.household_id = h.id"
                    + " AND x.province_code = h.province_code AND x.relation = 'head') = 'female'",
            PopulationGroup.WITH_DISABILITY, "(SELECT count(*) FROM household_member x WHERE x.household_id = h.id"
                    + " AND x.province_code = h.province_code AND x.disability IS NOT NULL AND x.disability <> 'none') > 0",
            PopulationGroup.WITH_ELDERLY, "(SELECT count(*) FROM household_member x WHERE x.household_id = h.id"
                    + " AND x.province_code = h.province_code AND date_part('year', age(CAST(:d AS date), x.birth_date)) >= 60) > 0",
            PopulationGroup.WITH_CHILDREN, "(SELECT count(*) FROM household_member x WHERE x.household_id = h.id"
                    + " AND x.province_code = h.province_code AND x.birth_date <= :d"
                    + " AND date_part('year', age(CAST(:d AS date), x.birth_date)) < 16) > 0");

    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired GeographyCatalog geography;
    @Autowired ReportService reports;
    @Autowired ReportTables tables;
    @Autowired LiveReportData live;
    @Autowired ReportData aggregates;
    @Autowired PopulationGroups groups;
    @Autowired PlanGoals goals;

    ReportFixture data;
    CurrentUser officer;

    @BeforeAll
    void generate() {
        data = new ReportFixture(jdbc, geography, PROVINCE).generate(300);
        officer = new RegistryFixture(jdbc, users).user(Role.PROVINCE_OFFICER, "province", PROVINCE);
        Random random = new Random(23);
        String[] disabilities = {null, "none", "none", "mild", "severe", "very_severe"};
        for (long h : data.households) {
            jdbc.sql("UPDATE household SET ethnic_minority = :em WHERE province_code = :p AND id = :h")
                    .param("em", random.nextInt(5) == 0 ? null : random.nextBoolean()).param("p", PROVINCE).param("h", h).update();
            int members = 1 + random.nextInt(4);
            for (int m = 1; m <= members; m++) {
                // ages around the edges: births from 1930 to 2027 (some after a report's day), on any day
                LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(97 * 365));
                jdbc.sql("""
                                INSERT INTO household_member (province_code, household_id, member_no, full_name, birth_date, sex,
                                    ethnicity, relation, employment, working_capacity, disability, health_insurance, education, in_school)
                                VALUES (:p, :h, :n, 'Thành Viên', :b, :sex, :eth, :rel, 'self_employed', true, :dis, true, 'primary', false)""")
                        .param("p", PROVINCE).param("h", h).param("n", m).param("b", birth)
                        .param("sex", random.nextBoolean() ? "female" : "male").param("rel", m == 1 ? "head" : "child")
                        .param("dis", disabilities[random.nextInt(disabilities.length)])
                        .param("eth", new String[] {"Kinh", "Kinh", "Tày", "Thái", "Người nước ngoài"}[random.nextInt(5)]).update();
            }
        }
    }

    @Test
    void everyGroupEqualsAnIndependentCountWithItsOwnDenominator() {
        for (int year : List.of(2024, 2025, 2026)) {
            LocalDate day = LocalDate.of(year, 12, 31);
            for (PopulationGroup group : PopulationGroup.values()) {
                Counts actual = reports.compute(reports.context(data.provinceId, year, "today", group.code(), officer),
                        ReportKind.RESULTS).results().total().all();
                long[] expected = independent(group, day);
                assertThat(new long[] {actual.households(), actual.poor(), actual.nearPoor()})
                        .as("%s in %d", group, year).containsExactly(expected);
                if (group != PopulationGroup.ALL) {
                    assertThat(expected[0]).as("%s has households in %d", group, year).isPositive();
                }
            }
        }
        // a group is a part: its households fewer than all, its rate its own (not among all households)
        Counts all = total(2026, null);
        Counts em = total(2026, "ethnic_minority");
        assertThat(em.households()).isLessThan(all.households());
    }

    @Test
    void ageIsTakenOnTheReportsDayNotToday() {
        // a child of 2010 is under 16 at the end of 2024 and 2025, not at the end of 2026
        long h = data.households.get(0);
        jdbc.sql("DELETE FROM household_member WHERE province_code = :p AND household_id = :h AND member_no = 9")
                .param("p", PROVINCE).param("h", h).update();
        long before2025 = independent(PopulationGroup.WITH_CHILDREN, LocalDate.of(2025, 12, 31))[0];
        jdbc.sql("""
                        INSERT INTO household_member (province_code, household_id, member_no, full_name, birth_date, sex, ethnicity,
                            relation, employment, working_capacity, disability, health_insurance, education, in_school)
                        VALUES (:p, :h, 9, 'Trẻ Em', DATE '2010-06-30', 'male', 'Kinh', 'child', 'student', false, 'none', true, 'primary', true)""")
                .param("p", PROVINCE).param("h", h).update();
        assertThat(total(2025, "with_children").households())
                .isEqualTo(independent(PopulationGroup.WITH_CHILDREN, LocalDate.of(2025, 12, 31))[0]);
        assertThat(total(2026, "with_children").households())
                .isEqualTo(independent(PopulationGroup.WITH_CHILDREN, LocalDate.of(2026, 12, 31))[0]);
        assertThat(independent(PopulationGroup.WITH_CHILDREN, LocalDate.of(2025, 12, 31))[0])
                .isGreaterThanOrEqualTo(before2025);
        jdbc.sql("DELETE FROM household_member WHERE province_code = :p AND household_id = :h AND member_no = 9")
                .param("p", PROVINCE).param("h", h).update();
    }

    @Test
    void theDefaultReportIsTodaysAndAllIsTheAggregates() {
        for (int year : List.of(2024, 2026)) {
            ReportContext old = reports.context(data.provinceId, year, "today", officer);
            ReportContext all = reports.context(data.provinceId, year, "today", "all", officer);
            assertThat(old.group()).isEqualTo(PopulationGroup.ALL);
            for (ReportKind kind : ReportKind.values()) {
                assertThat(tables.tables(reports.compute(all, kind), Locale.ENGLISH))
                        .isEqualTo(tables.tables(reports.compute(old, kind), Locale.ENGLISH));
            }
            assertThat(tables.tables(reports.compute(old, ReportKind.RESULTS), Locale.ENGLISH).get(0).subtitles())
                    .noneMatch(s -> s.startsWith("Group"));
            // the live path of the groups with the predicate of every household is the aggregates' count
            LocalDate day = LocalDate.of(year, 12, 31);
            assertThat(sorted(live.cells(old.provinces(), day, groups.predicate(PopulationGroup.ALL, "h", day))))
                    .isEqualTo(sorted(aggregates.cells(old.provinces(), year)));
        }
        ReportSet em = reports.compute(reports.context(data.provinceId, 2026, "today", "ethnic_minority", officer), ReportKind.RESULTS);
        assertThat(tables.tables(em, Locale.ENGLISH).get(0).subtitles()).anyMatch(s -> s.startsWith("Group: Ethnic-minority"));
        assertThat(tables.tables(em, new Locale("vi")).get(0).subtitles()).anyMatch(s -> s.startsWith("Nhóm: Hộ dân tộc thiểu số"));
    }

    @Test
    void everyKindWorksForAGroupAndAnUnknownGroupIsRefused() {
        for (ReportKind kind : ReportKind.values()) {
            assertThat(reports.compute(reports.context(data.provinceId, 2026, "today", "with_elderly", officer), kind)
                    .kind()).isEqualTo(kind);
        }
        assertThatThrownBy(() -> reports.context(data.provinceId, 2026, "today", "martians", officer))
                .isInstanceOf(InvalidReportException.class).hasMessageContaining("ethnic_minority");
    }

    @Test
    void aGroupGoalTracksTheGroupsOwnRateAndIsKeptBesideTheUnitsGoal() {
        PlanGoal all = goals.set(data.provinceId, "2026_2030", 2025, null, new BigDecimal("1.5"), new BigDecimal("5"),
                null, officer);
        PlanGoal em = goals.set(data.provinceId, "2026_2030", "ethnic_minority", 2025, null, new BigDecimal("3"),
                new BigDecimal("0"), "DTTS −3 điểm/năm", officer);
        assertThat(em.id()).isNotEqualTo(all.id());
        assertThat(em.group()).isEqualTo(PopulationGroup.ETHNIC_MINORITY);
        assertThat(all.group()).isEqualTo(PopulationGroup.ALL);
        // the end of 2025 is the lists in force on 1 January 2026, ages on that day
        long[] expected = independent(PopulationGroup.ETHNIC_MINORITY, LocalDate.of(2026, 1, 1));
        PlanGoals.Progress p = goals.progress(em.id(), "today", officer);
        GoalTrajectory.Actual start = p.years().get(0).actual();
        assertThat(p.years().get(0).year()).isEqualTo(2025);
        assertThat(new long[] {start.households(), start.poor()}).containsExactly(expected[0], expected[1]);
        assertThat(em.startRate()).isEqualByComparingTo(BigDecimal.valueOf(expected[1] * 100.0 / expected[0])
                .setScale(2, java.math.RoundingMode.HALF_UP));
        long[] everyone = independent(PopulationGroup.ALL, LocalDate.of(2026, 1, 1));
        GoalTrajectory.Actual allStart = goals.progress(all.id(), "today", officer).years().get(0).actual();
        assertThat(new long[] {allStart.households(), allStart.poor()}).containsExactly(everyone[0], everyone[1]);
        // set again: the same goal replaced, the unit's own goal untouched
        PlanGoal again = goals.set(data.provinceId, "2026_2030", "ethnic_minority", 2025, new BigDecimal("30"),
                new BigDecimal("3"), new BigDecimal("15"), null, officer);
        assertThat(again.id()).isEqualTo(em.id());
        assertThat(again.version()).isGreaterThan(em.version());
        assertThat(goals.get(all.id(), officer).startRate()).isEqualByComparingTo(all.startRate());
        assertThatThrownBy(() -> goals.set(data.provinceId, "2026_2030", "elderly", 2025, null, BigDecimal.ONE,
                BigDecimal.ONE, null, officer)).isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("plan.goal.error.group");
    }

    @Test
    void anAreaClassCountsTheHouseholdsOfItsUnitsAndBreaksTheResultsDown() {
        for (long unit : List.of(data.c1, data.c3)) {
            jdbc.sql("""
                            INSERT INTO unit_area_class (unit_id, province_code, class_code, decision, decision_date, valid_from, created_by)
                            VALUES (:u, :p, 'safety_zone', 'QĐ thử nghiệm', DATE '2025-07-01', DATE '2025-07-01', 'test')""")
                    .param("u", unit).param("p", PROVINCE).update();
        }
        LocalDate day = LocalDate.of(2026, 12, 31);
        for (PopulationGroup group : List.of(PopulationGroup.ALL, PopulationGroup.ETHNIC_MINORITY)) {
            ReportContext ctx = reports.context(data.provinceId, 2026, "today", group.code(), "safety_zone", true, officer);
            ReportSet set = reports.compute(ctx, ReportKind.RESULTS);
            Counts actual = set.results().total().all();
            // plainly: households recorded (or registered) in a unit a list of the class names on the day
            long[] expected = jdbc.sql(ReportOracle.TARGET + """
                            SELECT count(*) AS n, count(*) FILTER (WHERE t.status = 'poor') AS poor,
                                   count(*) FILTER (WHERE t.status = 'near_poor') AS near
                              FROM target t JOIN household h ON h.province_code = :p AND h.id = t.id
                             WHERE (t.rec IN (SELECT unit_id FROM unit_area_class WHERE class_code = 'safety_zone'
                                               AND valid_from <= :d AND (valid_to IS NULL OR valid_to >= :d))
                                 OR t.reg IN (SELECT unit_id FROM unit_area_class WHERE class_code = 'safety_zone'
                                               AND valid_from <= :d AND (valid_to IS NULL OR valid_to >= :d)))
                               AND\s""" + PLAIN.get(group))
                    .param("p", PROVINCE).param("d", day)
                    .query((rs, i) -> new long[] {rs.getLong("n"), rs.getLong("poor"), rs.getLong("near")}).single();
            assertThat(new long[] {actual.households(), actual.poor(), actual.nearPoor()}).as("%s", group)
                    .containsExactly(expected);
            assertThat(expected[0]).isPositive();
            ReportSet.ClassCounts zone = set.classes().stream().filter(c -> c.areaClass().code().equals("safety_zone"))
                    .findFirst().orElseThrow();
            assertThat(zone.counts()).isEqualTo(actual);
            List<vn.giamngheo.report.view.ReportTable> shown = tables.tables(set, Locale.ENGLISH);
            assertThat(shown).hasSize(2);
            assertThat(shown.get(1).lines()).hasSize(set.classes().size());
        }
        assertThatThrownBy(() -> reports.context(data.provinceId, 2026, "today", null, "moon_base", false, officer))
                .isInstanceOf(InvalidReportException.class).hasMessageContaining("poor_commune");
    }

    private Counts total(int year, String group) {
        return reports.compute(reports.context(data.provinceId, year, "today", group, officer), ReportKind.RESULTS)
                .results().total().all();
    }

    /** Households, poor, near-poor of the group in the province on the day: the oracle's households, filtered plainly. */
    private long[] independent(PopulationGroup group, LocalDate day) {
        return jdbc.sql(ReportOracle.TARGET + """
                        SELECT count(*) AS n, count(*) FILTER (WHERE t.status = 'poor') AS poor,
                               count(*) FILTER (WHERE t.status = 'near_poor') AS near
                          FROM target t JOIN household h ON h.province_code = :p AND h.id = t.id
                         WHERE\s""" + PLAIN.get(group))
                .param("p", PROVINCE).param("d", day)
                .query((rs, i) -> new long[] {rs.getLong("n"), rs.getLong("poor"), rs.getLong("near")}).single();
    }

    private static List<String> sorted(List<vn.giamngheo.report.rules.Cell> cells) {
        return cells.stream().map(Object::toString).sorted().toList();
    }
}
