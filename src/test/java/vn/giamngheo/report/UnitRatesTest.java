package vn.giamngheo.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.report.rules.Counts;
import vn.giamngheo.report.rules.Placement;
import vn.giamngheo.report.rules.Results;
import vn.giamngheo.report.rules.Selection;
import vn.giamngheo.report.rules.UnitMap;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * The year ends of the goals on the embedded PostgreSQL (the report fixture's lists begin in force on 1 January
 * 2021): without a recognised list in force no figure, where the households are counted; with one, the counts as
 * before.
 */
@Tag("database")
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitRatesTest {

    static final String PROVINCE = "86";

    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired GeographyCatalog geography;
    @Autowired UnitRates rates;
    @Autowired ReportService reports;
    @Autowired LiveReportData live;
    @Autowired ClassRates classRates;

    ReportFixture data;
    CurrentUser officer;

    @BeforeAll
    void generate() {
        data = new ReportFixture(jdbc, geography, PROVINCE).generate(200);
        officer = new RegistryFixture(jdbc, users).user(Role.PROVINCE_OFFICER, "province", PROVINCE);
    }

    @Test
    void aYearEndBeforeAnyListHasNoFigureWhereTheHouseholdsAreCounted() {
        Map<Integer, UnitRates.YearEnd> ends = rates.yearEnds(data.provinceId, 2018, 2025, "today", officer).stream()
                .collect(Collectors.toMap(UnitRates.YearEnd::year, e -> e));
        for (int y = 2018; y <= 2019; y++) {
            // the households are there (counted without a status: the 0 % the goals showed before)
            Counts counted = counted(data.provinceId, y);
            assertThat(counted.households()).as("households counted at the end of %d", y).isPositive();
            assertThat(counted.poor()).isZero();
            assertThat(ends.get(y).households()).as("end of %d", y).isNull();
            assertThat(ends.get(y).poor()).isNull();
            assertThat(ends.get(y).rate()).isNull();
        }
        // from the end of 2020 (the lists of 2021 in force on 1 January 2021) the counts, unchanged
        for (int y = 2020; y <= 2025; y++) {
            Counts counted = counted(data.provinceId, y);
            assertThat(counted.poor()).as("poor at the end of %d", y).isPositive();
            assertThat(ends.get(y).households()).as("end of %d", y).isEqualTo(counted.households());
            assertThat(ends.get(y).poor()).isEqualTo(counted.poor());
        }
    }

    @Test
    void aCommuneWithoutItsOwnListHasNoFigureUntilItsFirstList() {
        // c4's first list is of 2026, in force on 1 January 2026 (the end of 2025); none of the old communes'
        // lists covers it (their households placed on it by the register do not make a list of it)
        List<UnitRates.YearEnd> ends = rates.yearEnds(data.c4, 2024, 2025, "today", officer);
        assertThat(counted(data.c4, 2024).households()).isPositive();
        assertThat(ends.get(0).households()).isNull();
        assertThat(ends.get(0).rate()).isNull();
        Counts in2025 = counted(data.c4, 2025);
        assertThat(ends.get(1).households()).isEqualTo(in2025.households());
        assertThat(ends.get(1).poor()).isEqualTo(in2025.poor());
    }

    @Test
    void aClassHoldersYearEndWithoutItsListHasNoFigureEither() {
        // c4 (a commune of today's map) holds a class; its first list is in force on 1 January 2026, so the year
        // before the end of 2025 (the lists of 1 January 2025) has no figure for it, where its households are counted
        jdbc.sql("""
                        INSERT INTO unit_area_class (unit_id, province_code, class_code, decision, decision_date, valid_from, created_by)
                        VALUES (:u, :p, 'safety_zone', 'QĐ thử nghiệm', DATE '2020-01-01', DATE '2020-01-01', 'test')""")
                .param("u", data.c4).param("p", PROVINCE).update();
        List<ClassRates.ClassYear> years = classRates.years(data.c4, List.of("safety_zone"), 2025, 2025,
                vn.giamngheo.population.PopulationGroup.ALL, true, officer);
        ClassRates.Holder end2025 = years.get(0).communes().get(0);
        assertThat(end2025.unitId()).isEqualTo(data.c4);
        assertThat(counted(data.c4, 2024).households()).isPositive();
        assertThat(end2025.householdsBefore()).as("the end of 2024, as the year before 2025").isNull();
        assertThat(end2025.poorBefore()).isNull();
        Counts in2025 = counted(data.c4, 2025);
        assertThat(end2025.households()).isEqualTo(in2025.households());
        assertThat(end2025.poor()).isEqualTo(in2025.poor());
        assertThat(years.get(0).households()).isEqualTo(in2025.households());
    }

    /** The unit's counts at the end of a year as the goals counted them before (lists of 1 January next, today's map). */
    private Counts counted(long unitId, int year) {
        UnitMap map = reports.map();
        LocalDate today = reports.today();
        return Results.of(map, new Placement(map, today), new Selection(map, map.get(unitId)),
                live.cells(java.util.Set.of(PROVINCE), LocalDate.of(year + 1, 1, 1))).total().all();
    }
}
