package vn.giamngheo.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import vn.giamngheo.budget.rules.FundingSource;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.monitoring.rules.IndicatorValue;
import vn.giamngheo.monitoring.rules.ReportKind;
import vn.giamngheo.monitoring.rules.ReportStatus;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;
import vn.giamngheo.budget.BudgetLines;
import vn.giamngheo.budget.BudgetRollUpTest;
import vn.giamngheo.programme.InvalidProgrammeException;
import vn.giamngheo.programme.ProgrammeCatalogue;
import vn.giamngheo.programme.ProgrammeItem;
import vn.giamngheo.programme.ProgrammeNotFoundException;

/**
 * Issue 7, done when: a 6-month report runs from commune submission to provincial approval, with its due
 * dates and the consolidated figures checked. The period is the data period (data to 14 June); the due date
 * counts from it; the ministry date (before 1 June) falls before it and is flagged.
 */
@Tag("database")
@Tag("own-database")
@SpringBootTest(properties = "giamngheo.test.isolated=monitor2")
@Import(MonitoringTestClock.class)
class MonitoringReportFlowTest {

    @Autowired MonitoringTestClock.Settable clock;

    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired MonitoringReports reports;
    @Autowired MonitoringIndicators indicators;
    @Autowired BudgetLines lines;
    @Autowired ProgrammeCatalogue catalogue;

    @Test
    void aSixMonthReportGoesFromTheCommunesToTheProvinceAndIsConsolidated() {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        long province = fixture.unitId("province", "08");
        String a = fixture.communeCode("08", 30);
        String b = fixture.communeCode("08", 31);
        CurrentUser provinceOfficer = fixture.user(Role.PROVINCE_OFFICER, "province", "08");
        CurrentUser officerA = fixture.user(Role.COMMUNE_OFFICER, "commune", a);
        CurrentUser officerB = fixture.user(Role.COMMUNE_CHAIR, "commune", b);
        CurrentUser admin = fixture.user(Role.ADMINISTRATOR, null, null);
        Map<String, Long> ids = new HashMap<>();
        indicators.indicators().forEach(i -> ids.put(i.code(), i.id()));
        // budget of the year for the computed disbursement rate
        ProgrammeItem leaf = catalogue.leaves("2021-2025").get(3);
        lines.saveLines(fixture.unitId("commune", a), 2027, List.of(BudgetRollUpTest.line(leaf, FundingSource.LOCAL, "500", "400", "100")), officerA);
        lines.saveLines(fixture.unitId("commune", b), 2027, List.of(BudgetRollUpTest.line(leaf, FundingSource.LOCAL, "300", "200", "150")), officerB);

        // commune officers may not open periods; the province does, for itself and every commune
        assertThat(catchThrowableOfType(AccessDeniedException.class,
                () -> reports.createPeriod(fixture.unitId("commune", a), ReportKind.HALF_YEAR, 2027, 1, officerA))).isNotNull();
        int created = reports.createPeriod(province, ReportKind.HALF_YEAR, 2027, 1, provinceOfficer);
        long communes = jdbc.sql("""
                        SELECT count(*) FROM admin_unit WHERE province_code = '08' AND level IN ('province', 'district', 'commune')
                          AND (valid_from IS NULL OR valid_from <= DATE '2027-06-14') AND (valid_to IS NULL OR valid_to >= DATE '2027-06-14')""")
                .query(Long.class).single();
        assertThat(created).isEqualTo(communes);
        assertThat(reports.createPeriod(province, ReportKind.HALF_YEAR, 2027, 1, provinceOfficer)).as("again: nothing new").isZero();

        Report provinceReport = only(reports.list(provinceOfficer, province, 2027, ReportKind.HALF_YEAR), province);
        Report reportA = only(reports.list(officerA, null, 2027, ReportKind.HALF_YEAR), fixture.unitId("commune", a));
        Report reportB = only(reports.list(officerB, null, 2027, ReportKind.HALF_YEAR), fixture.unitId("commune", b));
        // data from 15 December 2026 to Monday 14 June 2027; the 15th working day after it is Monday 5 July
        assertThat(reportA.periodStart()).isEqualTo(LocalDate.of(2026, 12, 15));
        assertThat(reportA.periodEnd()).isEqualTo(LocalDate.of(2027, 6, 14));
        assertThat(reportA.dueDate()).isEqualTo(LocalDate.of(2027, 7, 5));
        assertThat(provinceReport.dueDate()).isEqualTo(LocalDate.of(2027, 7, 5));
        // to the ministries "before 1 June": before the data end, so flagged rather than silently wrong
        assertThat(reportA.ministryDueDate()).isEqualTo(LocalDate.of(2027, 5, 31));
        assertThat(reportA.ministryDueBeforeDataEnd()).isTrue();

        // a report may be filled but not sent while its data period runs, its last day included
        clock.setDay(LocalDate.of(2027, 6, 14));
        reports.fill(reportA.id(), Map.of(ids.get("CAPACITY_TRAINED"), IndicatorValue.count(new BigDecimal("1"))), null, officerA);
        assertThat(refusal(() -> reports.submit(reportA.id(), null, officerA))).isEqualTo("programme.report.refused.period-not-ended");
        assertThat(reports.get(reportA.id(), officerA).status()).isEqualTo(ReportStatus.DRAFT);
        clock.setDay(LocalDate.of(2027, 6, 15));

        reports.fill(reportA.id(), Map.of(ids.get("CAPACITY_TRAINED"), IndicatorValue.count(new BigDecimal("10"))), null, officerA);
        reports.submit(reportA.id(), null, officerA);
        reports.fill(reportB.id(), Map.of(ids.get("CAPACITY_TRAINED"), IndicatorValue.count(new BigDecimal("99"))), null, officerB);
        reports.submit(reportB.id(), null, officerB);

        // guards: the commune cannot approve its own report; a return needs a reason
        assertThat(refusal(() -> reports.approve(reportA.id(), null, officerA))).isEqualTo("programme.report.refused.not-reviewer");
        assertThat(refusal(() -> reports.returnReport(reportB.id(), " ", null, provinceOfficer)))
                .isEqualTo("programme.report.refused.reason-required");
        assertThat(refusal(() -> reports.fill(reportB.id(), Map.of(), null, officerB))).isEqualTo("programme.report.refused.already-submitted");
        // another commune's officer does not even see the report
        assertThat(catchThrowableOfType(ProgrammeNotFoundException.class, () -> reports.approve(reportB.id(), null, officerA))).isNotNull();

        Report returned = reports.returnReport(reportB.id(), "Số lao động được đào tạo nghề chưa khớp danh sách", null, provinceOfficer);
        assertThat(returned.status()).isEqualTo(ReportStatus.RETURNED);
        assertThat(returned.returnReason()).contains("chưa khớp");
        reports.fill(reportB.id(), Map.of(ids.get("CAPACITY_TRAINED"), IndicatorValue.count(new BigDecimal("15"))), null, officerB);
        reports.submit(reportB.id(), null, officerB);

        assertThat(reports.consolidated(provinceReport.id(), provinceOfficer).values()).as("nothing approved yet").isEmpty();
        reports.approve(reportA.id(), null, provinceOfficer);
        Report approvedB = reports.approve(reportB.id(), null, provinceOfficer);
        assertThat(approvedB.status()).isEqualTo(ReportStatus.APPROVED);
        assertThat(approvedB.onTime()).isTrue();
        assertThat(refusal(() -> reports.fill(reportA.id(), Map.of(), null, officerA))).isEqualTo("programme.report.refused.locked");

        MonitoringReports.Consolidation c = reports.consolidated(provinceReport.id(), provinceOfficer);
        assertThat(c.expected()).isEqualTo(communes - 1);
        assertThat(c.sent()).isEqualTo(2);
        assertThat(c.approved()).isEqualTo(2);
        assertThat(c.values().get(ids.get("CAPACITY_TRAINED")).shown()).contains(new BigDecimal("25.000"));
        // disbursement rate: (100 + 150) / (400 + 200), summed before dividing
        assertThat(c.values().get(ids.get("DISBURSEMENT_RATE")).shown()).contains(new BigDecimal("41.67"));

        MonitoringReports.Completeness completeness = reports.completeness(provinceReport.id(), LocalDate.of(2027, 7, 6), provinceOfficer);
        assertThat(completeness.sent()).isEqualTo(2);
        assertThat(completeness.onTime()).isEqualTo(2);
        assertThat(completeness.overdue()).isEqualTo(communes - 3);

        // overdue: nothing on the due day itself, every unsent report of the area the day after
        assertThat(reports.overdue(provinceOfficer.scope(), LocalDate.of(2027, 7, 5))).noneMatch(r -> r.year() == 2027);
        List<Report> overdue = reports.overdue(provinceOfficer.scope(), LocalDate.of(2027, 7, 6)).stream()
                .filter(r -> r.year() == 2027).toList();
        assertThat(overdue).hasSize((int) communes - 2).extracting(Report::unitId)
                .contains(province).doesNotContain(reportA.unitId(), reportB.unitId());
        assertThat(reports.overdue(officerA.scope(), LocalDate.of(2027, 7, 6))).noneMatch(r -> r.year() == 2027);

        // the province sends its own report up without filling it (the API allows it): its computed values and,
        // for the entered ones, the consolidation of the communes are stored on submission
        assertThat(reports.values(provinceReport.id(), provinceOfficer)).isEmpty();
        reports.submit(provinceReport.id(), null, provinceOfficer);
        Map<Long, IndicatorValue> sent = reports.values(provinceReport.id(), provinceOfficer);
        assertThat(sent.get(ids.get("CAPACITY_TRAINED")).shown()).contains(new BigDecimal("25.000"));
        assertThat(sent.get(ids.get("DISBURSEMENT_RATE")).shown()).contains(new BigDecimal("41.67"));
        assertThat(sent).containsKey(ids.get("POOR_RATE"));
        assertThat(refusal(() -> reports.approve(provinceReport.id(), null, provinceOfficer))).isEqualTo("programme.report.refused.not-reviewer");
        assertThat(reports.approve(provinceReport.id(), null, admin).status()).isEqualTo(ReportStatus.APPROVED);

        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity = 'monitoring_report' AND entity_id = :id AND action = 'UPDATE'")
                .param("id", String.valueOf(reportB.id())).query(Long.class).single()).isGreaterThanOrEqualTo(5);
    }

    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        clock.reset();
    }

    private static Report only(List<Report> list, long unitId) {
        return list.stream().filter(r -> r.unitId() == unitId).findFirst().orElseThrow();
    }

    private static String refusal(Runnable action) {
        InvalidProgrammeException e = catchThrowableOfType(InvalidProgrammeException.class, action::run);
        assertThat(e).as("refused").isNotNull();
        return e.problems().get(0).messageKey();
    }
}
