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
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.monitoring.rules.IndicatorValue;
import vn.giamngheo.monitoring.rules.ReportKind;
import vn.giamngheo.programme.InvalidProgrammeException;
import vn.giamngheo.programme.ProgrammeNotFoundException;
import vn.giamngheo.programme.ProgrammeProblem;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * Issue 21 point 4: indicators and validation rules as data. A province adds its own indicator and rule, which
 * another province does not see; it cannot change a national indicator; a wrong entry is refused (high) or
 * flagged (medium) on entry and listed in the validation report, with the register's figure beside an entered one;
 * computations are beans found by name.
 */
@Tag("database")
@Tag("own-database")
@SpringBootTest(properties = "giamngheo.test.isolated=monitorh3")
@Import(MonitoringTestClock.class)
class IndicatorsAsDataTest {

    @Autowired MonitoringTestClock.Settable clock;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired MonitoringReports reports;
    @Autowired MonitoringIndicators indicators;
    @Autowired IndicatorCatalogue catalogue;
    @Autowired ValidationRules rules;
    @Autowired ReportValidation validation;

    @Test
    void computationsAreBeansFoundByName() {
        assertThat(indicators.computationNames()).contains("poor_rate", "near_poor_rate", "poor_households",
                "poor_insured_share", "poor_near_poor_insured_share", "poor_bhyt_record_share",
                "poor_near_poor_bhyt_record_share", "disbursement_rate", "houses_supported", "workers_trained", "models");
        assertThat(indicators.computationNames()).isSorted();
        for (Indicator i : indicators.indicators()) {
            if (i.computed()) {
                assertThat(indicators.computation(i.computation())).as(i.code()).isPresent();
                assertThat(indicators.computation(i.computation()).orElseThrow().name()).isEqualTo(i.computation());
            }
        }
        assertThat(indicators.computation("no_such_computation")).isEmpty();
        // the 12 indicators of before are rows with their codes, now with the data's fields
        assertThat(indicators.indicators()).extracting(Indicator::code).contains("POOR_RATE", "NEAR_POOR_RATE",
                "POOR_HOUSEHOLDS", "POOR_INSURED", "POOR_NEAR_POOR_INSURED", "DISBURSEMENT_RATE", "WORKERS_TRAINED",
                "HOUSES_SUPPORTED", "MODELS", "POOR_BHYT_RECORDED", "POOR_NEAR_POOR_BHYT_RECORDED", "CAPACITY_TRAINED");
    }

    @Test
    void aProvinceKeepsItsOwnIndicatorsAndRulesAndAWrongEntryIsFlaggedOnEntryAndInTheReport() {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        long province = fixture.unitId("province", "08");
        String a = fixture.communeCode("08", 40);
        long communeA = fixture.unitId("commune", a);
        CurrentUser provinceOfficer = fixture.user(Role.PROVINCE_OFFICER, "province", "08");
        CurrentUser otherProvince = fixture.user(Role.PROVINCE_OFFICER, "province", "01");
        CurrentUser officerA = fixture.user(Role.COMMUNE_OFFICER, "commune", a);
        CurrentUser admin = fixture.user(Role.ADMINISTRATOR, null, null);

        // the province adds its own indicator; a commune officer may not
        IndicatorCatalogue.IndicatorForm classes = new IndicatorCatalogue.IndicatorForm("P08_CLASSES", "Số lớp tập huấn của tỉnh",
                "Training classes of the province", "count", "increase", "commune", "quarter", Indicator.ENTERED_BY_UNITS,
                null, null, "Kế hoạch của tỉnh", 50, true);
        assertThat(catchThrowableOfType(AccessDeniedException.class, () -> catalogue.create(classes, officerA))).isNotNull();
        Indicator own = catalogue.create(classes, provinceOfficer);
        assertThat(own.provinceCode()).isEqualTo("08");
        assertThat(own.version()).isZero();
        assertThat(problems(() -> catalogue.create(classes, provinceOfficer))).contains("monitoring.problem.code-taken");
        assertThat(problems(() -> catalogue.create(new IndicatorCatalogue.IndicatorForm("bad code", " ", null, "kg",
                "up", "commune", "week", "computed", "no_such", null, null, null, true), provinceOfficer)))
                .contains("monitoring.problem.code", "monitoring.problem.required", "monitoring.problem.choice",
                        "monitoring.problem.computation-unknown");
        // another province does not see it; the province sees the national ones and its own
        assertThat(catalogue.list(otherProvince)).extracting(Indicator::code).doesNotContain("P08_CLASSES").contains("POOR_RATE");
        assertThat(catchThrowableOfType(ProgrammeNotFoundException.class, () -> catalogue.get(own.id(), otherProvince))).isNotNull();
        assertThat(catalogue.list(provinceOfficer)).extracting(Indicator::code).contains("P08_CLASSES", "POOR_RATE");

        // a province cannot change a national indicator; an administrator can, from the version read
        Indicator national = indicators.indicators().stream().filter(i -> i.code().equals("CAPACITY_TRAINED")).findFirst().orElseThrow();
        IndicatorCatalogue.IndicatorForm renamed = new IndicatorCatalogue.IndicatorForm(null, national.nameVi() + " (sửa)",
                national.nameEn(), national.unitOfMeasure(), national.direction().code(), national.level().code(),
                national.periodType().code(), national.obtained(), national.computation(), national.checkComputation(),
                national.legalSource(), national.sortOrder(), true);
        assertThat(catchThrowableOfType(AccessDeniedException.class,
                () -> catalogue.update(national.id(), renamed, national.version(), provinceOfficer))).isNotNull();
        Indicator changed = catalogue.update(national.id(), renamed, national.version(), admin);
        assertThat(changed.version()).isEqualTo(national.version() + 1);
        assertThat(problems(() -> catalogue.update(national.id(), renamed, national.version(), admin)))
                .as("a stale version is refused").containsExactly("monitoring.problem.changed");
        // the province edits its own
        Indicator ownChanged = catalogue.update(own.id(), new IndicatorCatalogue.IndicatorForm(null, "Số lớp tập huấn",
                "Training classes", "count", "increase", "commune", "quarter", Indicator.ENTERED_BY_UNITS, null, null,
                null, 50, true), own.version(), provinceOfficer);
        assertThat(ownChanged.nameVi()).isEqualTo("Số lớp tập huấn");

        // a rule of the province: classes not above the people trained (high: blocks saving)
        ValidationRules.RuleForm bad = new ValidationRules.RuleForm("P08_CLASSES_LE_TRAINED", "Số lớp không vượt số người",
                "Classes not above people", "#{P08_CLASSES} +", "<=", "#{NO_SUCH}", "high", "quarter", "skip", null, null, null, true);
        assertThat(problems(() -> rules.create(bad, provinceOfficer)))
                .contains("monitoring.expression.unexpected", "monitoring.problem.expression-code");
        ValidationRules.Rule rule = rules.create(new ValidationRules.RuleForm("P08_CLASSES_LE_TRAINED", "Số lớp không vượt số người",
                "Classes not above people", "#{P08_CLASSES}", "<=", "#{CAPACITY_TRAINED}", "high", "quarter", "skip",
                "Kiểm tra lại số lớp", null, "quy tắc của tỉnh", true), provinceOfficer);
        assertThat(rule.provinceCode()).isEqualTo("08");
        assertThat(catchThrowableOfType(ProgrammeNotFoundException.class, () -> rules.get(rule.id(), otherProvince))).isNotNull();
        ValidationRules.Rule nationalRule = rules.list(provinceOfficer).stream().filter(ValidationRules.Rule::national).findFirst().orElseThrow();
        assertThat(catchThrowableOfType(AccessDeniedException.class, () -> rules.update(nationalRule.id(), new ValidationRules.RuleForm(
                null, "x", "x", "1", "<=", "2", "low", "quarter", "skip", null, null, null, true), nationalRule.version(), provinceOfficer)))
                .isNotNull();
        // a national rule cannot name a province's indicator
        assertThat(problems(() -> rules.create(new ValidationRules.RuleForm("NAT_P08", "x", "x", "#{P08_CLASSES}", "<=", "1",
                "low", "quarter", "skip", null, null, null, true), admin))).contains("monitoring.problem.expression-code");

        // the rule as others call it (an agency's output entry): by unit, period and values by code
        Map<String, BigDecimal> wrong = Map.of("P08_CLASSES", new BigDecimal("20"), "CAPACITY_TRAINED", new BigDecimal("5"));
        assertThat(rules.check(communeA, 2027, "quarter", 1, wrong)).extracting(RuleViolation::ruleCode).contains("P08_CLASSES_LE_TRAINED");
        assertThat(rules.check(communeA, 2027, "quarter", 1, Map.of("P08_CLASSES", new BigDecimal("2"))))
                .as("missing value: skipped").extracting(RuleViolation::ruleCode).doesNotContain("P08_CLASSES_LE_TRAINED");
        long communeOf01 = fixture.unitId("commune", fixture.communeCode("01", 40));
        assertThat(rules.check(communeOf01, 2027, "quarter", 1, wrong)).as("another province's units")
                .extracting(RuleViolation::ruleCode).doesNotContain("P08_CLASSES_LE_TRAINED");

        // on entry: the blocking rule refuses the save, a medium one is only shown
        clock.setDay(LocalDate.of(2027, 3, 20));
        reports.createPeriod(province, ReportKind.QUARTER, 2027, 1, provinceOfficer);
        Report reportA = reports.list(officerA, null, 2027, ReportKind.QUARTER).stream()
                .filter(r -> r.unitId() == communeA).findFirst().orElseThrow();
        assertThat(reports.carried(reportA)).extracting(Indicator::code).contains("P08_CLASSES", "HOUSES_BUILT");
        Map<String, Long> ids = new HashMap<>();
        catalogue.list(provinceOfficer).forEach(i -> ids.put(i.code(), i.id()));
        Map<Long, IndicatorValue> entry = new HashMap<>();
        entry.put(ids.get("P08_CLASSES"), IndicatorValue.count(new BigDecimal("20")));
        entry.put(ids.get("CAPACITY_TRAINED"), IndicatorValue.count(new BigDecimal("5")));
        assertThat(problems(() -> reports.fill(reportA.id(), entry, null, officerA))).containsExactly("monitoring.problem.rules-blocking");
        assertThat(reports.values(reportA.id(), officerA)).as("nothing stored").isEmpty();

        entry.put(ids.get("P08_CLASSES"), IndicatorValue.count(new BigDecimal("3")));
        entry.put(ids.get("HOUSES_FUNDED"), IndicatorValue.count(new BigDecimal("2")));
        entry.put(ids.get("HOUSES_BUILT"), IndicatorValue.count(new BigDecimal("7")));
        Report filled = reports.fill(reportA.id(), entry, null, officerA);
        Map<Long, IndicatorValue> stored = reports.values(reportA.id(), officerA);
        assertThat(stored.get(ids.get("HOUSES_BUILT")).numerator()).isEqualByComparingTo("7");
        assertThat(reports.violations(filled, stored)).extracting(RuleViolation::ruleCode)
                .containsExactly("HOUSES_BUILT_NOT_ABOVE_FUNDED");
        RuleViolation medium = reports.violations(filled, stored).get(0);
        assertThat(medium.blocking()).isFalse();
        assertThat(medium.left()).isEqualByComparingTo("7");
        assertThat(medium.right()).isEqualByComparingTo("2");
        // the register's figure beside the entered one: no housing record in the commune, so 7 against 0 is flagged
        List<ReportValidation.CheckFigure> checks = validation.checks(filled, stored);
        assertThat(checks).hasSize(1);
        assertThat(checks.get(0).indicator().code()).isEqualTo("HOUSES_BUILT");
        assertThat(checks.get(0).computed()).isEqualByComparingTo("0");
        assertThat(checks.get(0).flagged()).isTrue();

        // the validation report of the province lists the commune's findings; the other province's officer cannot read it
        ReportValidation.AreaFindings area = validation.area(province, ReportKind.QUARTER, 2027, 1, provinceOfficer);
        assertThat(area.reports()).isGreaterThan(1);
        assertThat(area.findings()).hasSize(1);
        assertThat(area.findings().get(0).report().id()).isEqualTo(reportA.id());
        assertThat(area.findings().get(0).violations()).extracting(RuleViolation::ruleCode).containsExactly("HOUSES_BUILT_NOT_ABOVE_FUNDED");
        assertThat(area.findings().get(0).flagged()).hasSize(1);
        assertThat(catchThrowableOfType(ProgrammeNotFoundException.class,
                () -> validation.area(province, ReportKind.QUARTER, 2027, 1, otherProvince))).isNotNull();
        assertThat(ValidationWorkbook.write(area)).isNotEmpty();
    }

    private static List<String> problems(Runnable action) {
        InvalidProgrammeException e = catchThrowableOfType(InvalidProgrammeException.class, action::run);
        assertThat(e).as("refused").isNotNull();
        return e.problems().stream().map(ProgrammeProblem::messageKey).toList();
    }
}
