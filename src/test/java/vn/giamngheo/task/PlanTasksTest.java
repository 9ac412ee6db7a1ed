package vn.giamngheo.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.monitoring.ReportCalendar;
import vn.giamngheo.plan.InvalidPlanException;
import vn.giamngheo.plan.PlanNotFoundException;
import vn.giamngheo.plan.PlanService;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * Tasks of a plan and their output reports on the embedded PostgreSQL (province 42, agencies of their own): an agency
 * officer sees only its agency's tasks and reports and no household; submit, return and accept with version checks;
 * the consolidation's sums equal the entries; the late list.
 */
@Tag("database")
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanTasksTest {

    static final String PROVINCE = "42";
    static final int YEAR = 2027;

    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired PlanService plans;
    @Autowired PlanTasks tasks;
    @Autowired TaskReports reports;
    @Autowired ReportCalendar calendar;
    @Autowired WebApplicationContext context;

    CurrentUser province;
    CurrentUser otherProvince;
    long planId;
    long agencyA;
    long agencyB;
    long agencyC;
    CurrentUser officerA;
    CurrentUser officerB;
    CurrentUser officerC;
    long item;

    @BeforeAll
    void plan() {
        RegistryFixture registry = new RegistryFixture(jdbc, users);
        TaskFixture fixture = new TaskFixture(jdbc, users);
        province = registry.user(Role.PROVINCE_OFFICER, "province", PROVINCE);
        otherProvince = registry.user(Role.PROVINCE_OFFICER, "province", "44");
        long unit = registry.unitId("province", PROVINCE);
        planId = jdbc.sql("SELECT id FROM plan WHERE unit_id = :u AND plan_year = :y").param("u", unit).param("y", YEAR)
                .query(Long.class).optional().orElseGet(() -> plans.create(unit, YEAR, 0, 0, "kế hoạch thử", province).id());
        agencyA = fixture.agency(PROVINCE, "Sở thử A");
        agencyB = fixture.agency(PROVINCE, "Ngân hàng thử B");
        agencyC = fixture.agency(PROVINCE, "Hội thử C");
        officerA = fixture.officer(agencyA);
        officerB = fixture.officer(agencyB);
        officerC = fixture.officer(agencyC);
        item = jdbc.sql("""
                        SELECT id FROM programme_item WHERE period_code = '2026-2030' AND province_code IS NULL AND active
                        ORDER BY sort_order, code LIMIT 1""").query(Long.class).single();
    }

    private PlanTasks.TaskInput input(long lead, List<Long> partners, List<String> kinds, PlanTasks.OutputInput... outputs) {
        return new PlanTasks.TaskInput(item, "Nhiệm vụ thử", null, lead, partners, LocalDate.of(YEAR, 12, 31), kinds,
                List.of(outputs));
    }

    private static PlanTasks.OutputInput free(String name, String target) {
        return new PlanTasks.OutputInput(null, name, null, "người", new BigDecimal(target), false, Map.of());
    }

    @Test
    void anAgencyOfficerSeesOnlyItsAgencysTasksAndReports() {
        long ofA = tasks.create(planId, input(agencyA, List.of(agencyC), List.of("year"), free("Người được đào tạo", "100")),
                province);
        long ofB = tasks.create(planId, input(agencyB, List.of(), List.of("year"), free("Lượt vay", "50")), province);

        assertThat(tasks.mine(officerA)).extracting(PlanTasks.Task::id).contains(ofA).doesNotContain(ofB);
        assertThat(tasks.mine(officerB)).extracting(PlanTasks.Task::id).contains(ofB).doesNotContain(ofA);
        // a coordinating agency sees the task, but does not report it
        assertThat(tasks.mine(officerC)).extracting(PlanTasks.Task::id).contains(ofA).doesNotContain(ofB);
        assertThatThrownBy(() -> tasks.task(ofB, officerA)).isInstanceOf(PlanNotFoundException.class);
        assertThatThrownBy(() -> reports.open(ofA, "year", YEAR, 1, officerC)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.open(ofA, "year", YEAR, 1, province)).isInstanceOf(AccessDeniedException.class);
        // another agency's report: not found for them
        long report = reports.open(ofA, "year", YEAR, 1, officerA);
        assertThatThrownBy(() -> reports.get(report, officerB)).isInstanceOf(PlanNotFoundException.class);
        assertThatThrownBy(() -> reports.get(report, officerC)).isInstanceOf(PlanNotFoundException.class);
        // the plan's tasks as the API gives them, and no plan of another province
        assertThat(tasks.ofPlan(planId, province.scope())).extracting(PlanTask::id).contains(ofA, ofB);
        assertThatThrownBy(() -> tasks.ofPlan(planId, otherProvince.scope())).isInstanceOf(PlanNotFoundException.class);
        // an agency officer cannot change tasks
        assertThatThrownBy(() -> tasks.create(planId, input(agencyA, List.of(), List.of("year"), free("X", "1")), officerA))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anAgencyOfficerReachesNoHouseholdAndNoOtherPage() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        for (String path : List.of("/households", "/api/v1/households", "/plans", "/reports", "/escape/mine",
                "/api/v1/plans/" + planId + "/tasks", "/plans/" + planId + "/tasks")) {
            int status = mvc.perform(get(path).with(user(officerA))).andReturn().getResponse().getStatus();
            assertThat(status).as(path).isEqualTo(403);
        }
        assertThat(mvc.perform(get("/tasks/mine").with(user(officerA))).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/").with(user(officerA))).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/tasks/mine");
    }

    @Test
    void submitReturnAndAcceptCheckTheVersion() {
        long task = tasks.create(planId, input(agencyA, List.of(), List.of("half_year", "year"), free("Lớp học", "10")),
                province);
        long output = tasks.task(task, province).outputs().get(0).id();
        long report = reports.open(task, "half_year", YEAR, 1, officerA);
        assertThat(reports.open(task, "half_year", YEAR, 1, officerA)).as("opened once").isEqualTo(report);
        assertThatThrownBy(() -> reports.open(task, "quarter", YEAR, 1, officerA)).isInstanceOf(InvalidPlanException.class);

        assertThatThrownBy(() -> reports.submit(report, 0, officerA)).as("nothing entered")
                .isInstanceOf(InvalidPlanException.class);
        reports.save(report, 0, "ghi chú", List.of(new TaskReports.ValueInput(output, null, new BigDecimal("4"))), officerA);
        assertThatThrownBy(() -> reports.save(report, 0, null, List.of(), officerA)).as("stale")
                .isInstanceOf(InvalidPlanException.class).hasMessageContaining("task.error.stale");
        assertThatThrownBy(() -> reports.save(report, null, null, List.of(), officerA)).as("no version")
                .isInstanceOf(InvalidPlanException.class).hasMessageContaining("task.error.version-required");
        assertThatThrownBy(() -> reports.save(report, 1, null,
                List.of(new TaskReports.ValueInput(output, null, new BigDecimal("-1"))), officerA))
                .isInstanceOf(InvalidPlanException.class).hasMessageContaining("task.error.value");
        reports.submit(report, 1, officerA);
        assertThatThrownBy(() -> reports.save(report, 2, null, List.of(), officerA)).as("sent: locked")
                .isInstanceOf(InvalidPlanException.class).hasMessageContaining("task.error.report-locked");
        assertThatThrownBy(() -> reports.accept(report, 2, officerA)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.accept(report, 1, province)).isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("task.error.stale");
        assertThatThrownBy(() -> reports.returnReport(report, 2, " ", province)).isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("task.error.reason");
        assertThatThrownBy(() -> reports.accept(report, 2, otherProvince)).isInstanceOf(PlanNotFoundException.class);
        reports.returnReport(report, 2, "Số liệu chưa khớp", province);
        assertThat(reports.get(report, officerA).report().status()).isEqualTo("returned");
        assertThat(reports.get(report, officerA).report().returnReason()).isEqualTo("Số liệu chưa khớp");
        reports.save(report, 3, null, List.of(new TaskReports.ValueInput(output, null, new BigDecimal("6"))), officerA);
        reports.submit(report, 4, officerA);
        assertThat(tasks.task(task, province).outputs().get(0).reached()).as("not accepted yet").isNull();
        reports.accept(report, 5, province);
        assertThat(reports.get(report, province).report().status()).isEqualTo("accepted");
        PlanTask api = tasks.ofPlan(planId, province.scope()).stream().filter(t -> t.id() == task).findFirst().orElseThrow();
        assertThat(api.outputs().get(0).reported()).isEqualByComparingTo("6");
        assertThat(api.lead().id()).isEqualTo(agencyA);
        // the audit trigger recorded the report's moves
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity = 'task_report' AND entity_id = :id")
                .param("id", String.valueOf(report)).query(Long.class).single()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void theConsolidationSumsTheEntries() {
        long t1 = tasks.create(planId, input(agencyA, List.of(), List.of("nine_months"), free("Hộ được tập huấn", "40")),
                province);
        long t2 = tasks.create(planId, input(agencyB, List.of(), List.of("nine_months"), free("Hộ được tập huấn", "60")),
                province);
        long r1 = reports.open(t1, "nine_months", YEAR, 1, officerA);
        long r2 = reports.open(t2, "nine_months", YEAR, 1, officerB);
        long o1 = tasks.task(t1, province).outputs().get(0).id();
        long o2 = tasks.task(t2, province).outputs().get(0).id();
        reports.save(r1, 0, null, List.of(new TaskReports.ValueInput(o1, null, new BigDecimal("15.5"))), officerA);
        reports.submit(r1, 1, officerA);
        reports.save(r2, 0, null, List.of(new TaskReports.ValueInput(o2, null, new BigDecimal("30"))), officerB);
        reports.submit(r2, 1, officerB);

        TaskReports.Consolidation c = reports.consolidate(planId, "nine_months", YEAR, 1, LocalDate.of(YEAR, 10, 1), province);
        List<TaskReports.Line> mine = c.lines().stream().filter(l -> l.task().id() == t1 || l.task().id() == t2).toList();
        assertThat(mine).hasSize(2);
        assertThat(mine).extracting(TaskReports.Line::status).containsOnly("submitted");
        BigDecimal entered = mine.stream().map(TaskReports.Line::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        TaskReports.Sum sum = c.sums().stream().filter(s -> "Hộ được tập huấn".equals(s.nameVi())).findFirst().orElseThrow();
        assertThat(sum.value()).isEqualByComparingTo(entered).isEqualByComparingTo("45.5");
        assertThat(sum.target()).isEqualByComparingTo("100");
        assertThat(sum.share()).isEqualByComparingTo("45.5");
        assertThat(mine.stream().filter(l -> l.task().id() == t1).findFirst().orElseThrow().share()).isEqualByComparingTo("38.8");
        // other provinces do not see it
        assertThatThrownBy(() -> reports.consolidate(planId, "nine_months", YEAR, 1, LocalDate.of(YEAR, 10, 1), otherProvince))
                .isInstanceOf(PlanNotFoundException.class);
    }

    @Test
    void lateReportsAreThePeriodsDuePassedWithoutASentReport() {
        long task = tasks.create(planId, input(agencyC, List.of(), List.of("quarter"), free("Buổi truyền thông", "8")),
                province);
        long output = tasks.task(task, province).outputs().get(0).id();
        ReportCalendar.Period q1 = calendar.period("quarter", YEAR, 1);
        ReportCalendar.Period q2 = calendar.period("quarter", YEAR, 2);
        LocalDate day = q2.due().plusDays(1);
        List<LateOutputReport> late = tasks.late(province.scope(), day).stream().filter(l -> l.taskId() == task).toList();
        assertThat(late).extracting(LateOutputReport::number).containsExactly(1, 2);
        assertThat(late).extracting(LateOutputReport::status).containsOnly("missing");
        assertThat(late.get(0).dueDate()).isEqualTo(q1.due());
        assertThat(late.get(0).agency().id()).isEqualTo(agencyC);
        // on the due day itself, not late yet
        assertThat(tasks.late(province.scope(), q1.due()).stream().filter(l -> l.taskId() == task)).isEmpty();

        long report = reports.open(task, "quarter", YEAR, 1, officerC);
        late = tasks.late(province.scope(), day).stream().filter(l -> l.taskId() == task).toList();
        assertThat(late).extracting(LateOutputReport::status).containsExactly("draft", "missing");
        reports.save(report, 0, null, List.of(new TaskReports.ValueInput(output, null, BigDecimal.ONE)), officerC);
        reports.submit(report, 1, officerC);
        late = tasks.late(province.scope(), day).stream().filter(l -> l.taskId() == task).toList();
        assertThat(late).extracting(LateOutputReport::number).containsExactly(2);
        // the agency officer's list is its agency's only; another province's officer sees none of them
        assertThat(tasks.lateOfMine(officerC, day)).extracting(LateOutputReport::taskId).contains(task);
        assertThat(tasks.lateOfMine(officerA, day)).extracting(LateOutputReport::taskId).doesNotContain(task);
        assertThat(tasks.late(otherProvince.scope(), day)).extracting(LateOutputReport::taskId).doesNotContain(task);
    }

    @Test
    void aTaskIsCheckedAndItsEditsCarryTheirVersion() {
        PlanTasks.TaskInput wrong = new PlanTasks.TaskInput(null, " ", null, null, List.of(), null, List.of("weekly"), List.of());
        assertThatThrownBy(() -> tasks.create(planId, wrong, province)).isInstanceOf(InvalidPlanException.class)
                .satisfies(e -> assertThat(((InvalidPlanException) e).problems()).extracting(p -> p.messageKey())
                        .contains("task.error.item", "task.error.description", "task.error.lead",
                                "task.error.deadline-required", "task.error.kind", "task.error.outputs"));
        long other = new TaskFixture(jdbc, users).agency("44", "Sở tỉnh khác");
        assertThatThrownBy(() -> tasks.create(planId, input(other, List.of(), List.of("year"), free("X", "1")), province))
                .isInstanceOf(InvalidPlanException.class).hasMessageContaining("task.error.agency");
        assertThatThrownBy(() -> tasks.create(planId, input(agencyA, List.of(agencyA), List.of("year"), free("X", "1")), province))
                .isInstanceOf(InvalidPlanException.class).hasMessageContaining("task.error.partner-lead");

        long task = tasks.create(planId, input(agencyA, List.of(agencyB), List.of("year"), free("Nhà được xây", "20")), province);
        tasks.update(task, 0, input(agencyA, List.of(agencyC), List.of("year"), free("Nhà được xây", "25")), province);
        PlanTasks.Task changed = tasks.task(task, province);
        assertThat(changed.version()).isEqualTo(1);
        assertThat(changed.partnerIds()).containsExactly(agencyC);
        assertThat(changed.outputs().get(0).target()).isEqualByComparingTo("25");
        assertThatThrownBy(() -> tasks.update(task, 0, input(agencyA, List.of(), List.of("year"), free("Nhà được xây", "1")),
                province)).isInstanceOf(InvalidPlanException.class).hasMessageContaining("task.error.stale");
        assertThatThrownBy(() -> tasks.update(task, null, input(agencyA, List.of(), List.of("year"), free("Nhà được xây", "1")),
                province)).isInstanceOf(InvalidPlanException.class).hasMessageContaining("task.error.version-required");
    }

    @Test
    void indicatorValuesAreCheckedByTheValidationRulesOnEntry() {
        String indicator = jdbc.sql("SELECT code FROM monitoring_indicator ORDER BY sort_order, code LIMIT 1")
                .query(String.class).single();
        String run = String.valueOf(System.nanoTime() % 1_000_000);
        String blocking = "T42B" + run;
        String warning = "T42W" + run;
        for (String[] rule : new String[][] {{blocking, "100", "high"}, {warning, "10", "medium"}}) {
            jdbc.sql("""
                            INSERT INTO validation_rule (code, province_code, name_vi, name_en, left_side, operator, right_side,
                                                         importance, period_type)
                            VALUES (:code, :p, 'Quy tắc thử', 'Test rule', :left, '<=', :right, :importance, 'quarter')""")
                    .param("code", rule[0]).param("p", PROVINCE).param("left", "#{" + indicator + "}").param("right", rule[1])
                    .param("importance", rule[2]).update();
        }
        try {
            long task = tasks.create(planId, input(agencyA, List.of(), List.of("year"),
                    new PlanTasks.OutputInput(indicator, null, null, null, new BigDecimal("80"), false, Map.of())), province);
            long output = tasks.task(task, province).outputs().get(0).id();
            assertThat(tasks.task(task, province).outputs().get(0).indicatorCode()).isEqualTo(indicator);
            long report = reports.open(task, "year", YEAR, 1, officerA);
            // above the medium rule's bound: saved, the violation shown
            var violations = reports.save(report, 0, null,
                    List.of(new TaskReports.ValueInput(output, null, new BigDecimal("50"))), officerA);
            assertThat(violations).extracting(v -> v.ruleCode()).containsExactly(warning);
            assertThat(reports.get(report, officerA).total(output)).isEqualByComparingTo("50");
            // above the blocking rule's bound: refused, nothing stored
            assertThatThrownBy(() -> reports.save(report, 1, null,
                    List.of(new TaskReports.ValueInput(output, null, new BigDecimal("150"))), officerA))
                    .isInstanceOf(InvalidPlanException.class).hasMessageContaining("task.error.rule");
            assertThat(reports.get(report, officerA).total(output)).isEqualByComparingTo("50");
            assertThat(reports.get(report, officerA).report().version()).isEqualTo(1);
        } finally {
            jdbc.sql("UPDATE validation_rule SET active = false WHERE code IN (:c)").param("c", List.of(blocking, warning)).update();
        }
    }

    @Test
    void provinceOfficersCreateAgencyOfficersOfTheirAreasAgenciesOnly() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        String name = "cbcq-" + System.nanoTime() % 1_000_000;
        long other = new TaskFixture(jdbc, users).agency("44", "Sở tỉnh khác");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/agency-officers")
                .with(user(province)).with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf())
                .param("username", name).param("fullName", "Cán bộ thử").param("agencyId", String.valueOf(other))
                .param("password", "mat-khau-rat-dai-2026"));
        assertThat(users.findByUsername(name)).as("an agency of another province").isEmpty();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/agency-officers")
                .with(user(province)).with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf())
                .param("username", name).param("fullName", "Cán bộ thử").param("agencyId", String.valueOf(agencyB))
                .param("password", "mat-khau-rat-dai-2026"));
        CurrentUser created = users.findByUsername(name).orElseThrow();
        assertThat(created.role()).isEqualTo(Role.AGENCY_OFFICER);
        assertThat(created.agencyId()).isEqualTo(agencyB);
        assertThat(created.mustChangePassword()).isTrue();
        assertThat(mvc.perform(get("/agency-officers").with(user(province))).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains(name);
        CurrentUser commune = new RegistryFixture(jdbc, users).user(Role.COMMUNE_OFFICER, "commune",
                new RegistryFixture(jdbc, users).communeCode(PROVINCE, 1));
        assertThat(mvc.perform(get("/agency-officers").with(user(commune))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(get("/agency-officers").with(user(officerA))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }
}
