package vn.giamngheo.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.credit.CreditRecords;
import vn.giamngheo.credit.Loans;
import vn.giamngheo.household.Household;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.labour.LabourRecords;
import vn.giamngheo.labour.Workers;
import vn.giamngheo.plan.PlanService;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * Agencies' outputs against the registers (issue 21 point 4's gap) on the embedded PostgreSQL (province 46): the
 * bank's "lượt hộ được vay vốn" and the labour office's workers abroad, bound by V55 to the register's computations,
 * show the register's figure of the plan's area and the period beside the entry, equal to an independent SQL count;
 * an entry within monitoring's tolerance is not flagged, one beyond it is, in the consolidation and on the report.
 */
@Tag("database")
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutputsAgainstRegistersTest {

    static final String PROVINCE = "46";
    static final int YEAR = 2026;
    static final LocalDate FROM = LocalDate.of(YEAR, 1, 1);
    static final LocalDate TO = LocalDate.of(YEAR, 6, 30);

    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired PlanService plans;
    @Autowired PlanTasks tasks;
    @Autowired TaskReports reports;
    @Autowired HouseholdRegistry registry;
    @Autowired Loans loans;
    @Autowired Workers workers;

    CurrentUser province;
    long planId;
    long bank;
    long labour;
    CurrentUser bankOfficer;
    CurrentUser labourOfficer;
    long item;

    @BeforeAll
    void plan() {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        TaskFixture agencies = new TaskFixture(jdbc, users);
        province = fixture.user(Role.PROVINCE_OFFICER, "province", PROVINCE);
        long unit = fixture.unitId("province", PROVINCE);
        planId = jdbc.sql("SELECT id FROM plan WHERE unit_id = :u AND plan_year = :y").param("u", unit).param("y", YEAR)
                .query(Long.class).optional().orElseGet(() -> plans.create(unit, YEAR, 0, 0, "kế hoạch thử", province).id());
        bank = agencies.agency(PROVINCE, "Ngân hàng CSXH thử");
        labour = agencies.agency(PROVINCE, "Sở Nội vụ thử");
        bankOfficer = agencies.officer(bank);
        labourOfficer = agencies.officer(labour);
        item = jdbc.sql("""
                        SELECT id FROM programme_item WHERE period_code = '2026-2030' AND province_code IS NULL AND active
                        ORDER BY sort_order, code LIMIT 1""").query(Long.class).single();
        String commune = fixture.communeCode(PROVINCE, 4);
        CurrentUser officer = fixture.user(Role.COMMUNE_OFFICER, "commune", commune);
        String serial = String.valueOf(System.nanoTime() % 1_000_000);
        for (int i = 0; i < 4; i++) {
            Household h = registry.create(RegistryFixture.household(commune, "RG" + i + "-" + serial), officer);
            // three loans in the first half of the year, one before it
            LocalDate day = i < 3 ? LocalDate.of(YEAR, 2 + i, 10) : LocalDate.of(YEAR - 1, 11, 5);
            loans.add(new CreditRecords.LoanForm(h.id(), null, "POOR", "RG-" + serial + "-" + i, 30_000_000L, day, 36,
                    "preferential", null), officer);
            if (i < 2) {
                workers.add(h.id(), new LabourRecords.WorkerForm(1, "JP", "enterprise", LocalDate.of(YEAR, 3 + i, 1), 36, false,
                        null, null, null), officer);
            }
        }
    }

    long loansSql() {
        return jdbc.sql("""
                        SELECT count(*) FROM loan l JOIN household h ON h.province_code = l.province_code AND h.id = l.household_id
                        WHERE l.province_code = :p AND l.disbursed_on BETWEEN :from AND :to""")
                .param("p", PROVINCE).param("from", FROM).param("to", TO).query(Long.class).single();
    }

    long workersSql() {
        return jdbc.sql("SELECT count(*) FROM labour_worker WHERE province_code = :p AND departed_on BETWEEN :from AND :to")
                .param("p", PROVINCE).param("from", FROM).param("to", TO).query(Long.class).single();
    }

    private long task(long lead, String indicator) {
        return tasks.create(planId, new PlanTasks.TaskInput(item, "Nhiệm vụ đối chiếu sổ " + indicator, null, lead, List.of(),
                LocalDate.of(YEAR, 12, 31), List.of("half_year"),
                List.of(new PlanTasks.OutputInput(indicator, null, null, null, new BigDecimal("500"), false, Map.of()))), province);
    }

    private TaskReports.Line line(long task) {
        return reports.consolidate(planId, "half_year", YEAR, 1, LocalDate.of(YEAR, 7, 20), province).lines().stream()
                .filter(l -> l.task().id() == task).findFirst().orElseThrow();
    }

    @Test
    void theBanksEntryIsComparedWithTheCreditRegister() {
        long task = task(bank, "CREDIT_HOUSEHOLDS_LENT");
        long output = tasks.task(task, province).outputs().get(0).id();
        // before any entry: the register's figure alone, nothing flagged
        TaskReports.Line before = line(task);
        assertThat(before.registerValue()).isEqualByComparingTo(BigDecimal.valueOf(loansSql()));
        assertThat(before.flagged()).isFalse();

        long report = reports.open(task, "half_year", YEAR, 1, bankOfficer);
        long registered = loansSql();
        assertThat(registered).isGreaterThanOrEqualTo(3);
        reports.save(report, 0, null, List.of(new TaskReports.ValueInput(output, null, BigDecimal.valueOf(registered))), bankOfficer);
        assertThat(line(task).flagged()).as("equal to the register").isFalse();
        var check = reports.registers(reports.get(report, province)).get(output);
        assertThat(check.computed()).isEqualByComparingTo(BigDecimal.valueOf(registered));
        assertThat(check.flagged()).isFalse();

        // 1,250 where the books say a handful: beyond the 5 % tolerance
        reports.save(report, 1, null, List.of(new TaskReports.ValueInput(output, null, new BigDecimal("1250"))), bankOfficer);
        TaskReports.Line after = line(task);
        assertThat(after.value()).isEqualByComparingTo("1250");
        assertThat(after.registerValue()).isEqualByComparingTo(BigDecimal.valueOf(loansSql()));
        assertThat(after.flagged()).isTrue();
        assertThat(reports.registers(reports.get(report, bankOfficer)).get(output).flagged()).isTrue();
        assertThat(reports.tolerance()).isEqualByComparingTo("5");
    }

    @Test
    void theLabourOfficesEntryIsComparedWithTheLabourRegister() {
        long task = task(labour, "LABOUR_EXPORT_REPORTED");
        long output = tasks.task(task, province).outputs().get(0).id();
        long report = reports.open(task, "half_year", YEAR, 1, labourOfficer);
        long registered = workersSql();
        assertThat(registered).isGreaterThanOrEqualTo(2);
        reports.save(report, 0, null, List.of(new TaskReports.ValueInput(output, null, BigDecimal.valueOf(registered + 1))),
                labourOfficer);
        TaskReports.Line l = line(task);
        assertThat(l.registerValue()).isEqualByComparingTo(BigDecimal.valueOf(registered));
        // one more than a few registered workers is more than 5 % off
        assertThat(l.flagged()).isTrue();
    }

    @Test
    void aFreeOutputHasNoRegistersFigure() {
        long task = tasks.create(planId, new PlanTasks.TaskInput(item, "Nhiệm vụ tự do", null, bank, List.of(),
                LocalDate.of(YEAR, 12, 31), List.of("half_year"), List.of(new PlanTasks.OutputInput(null, "Lượt vay thử", null,
                        "lượt", new BigDecimal("10"), false, Map.of()))), province);
        assertThat(line(task).register()).isNull();
        assertThat(line(task).flagged()).isFalse();
    }
}
