package vn.giamngheo.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.budget.BudgetLine;
import vn.giamngheo.budget.BudgetLines;
import vn.giamngheo.budget.StageAmounts;
import vn.giamngheo.budget.rules.FundingSource;
import vn.giamngheo.livelihood.WalkModel;
import vn.giamngheo.monitoring.MonitoringReports;
import vn.giamngheo.monitoring.rules.ReportKind;
import vn.giamngheo.programme.ProgrammeCatalogue;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.UserAccounts;
import vn.giamngheo.support.BenefitEntry;
import vn.giamngheo.support.BenefitRecords;
import vn.giamngheo.task.TaskReports;

/**
 * What the demonstration does not hold yet and the guards that follow its pages need (the guard of the reader
 * conventions, the guard of the edit forms): a half-year monitoring period of the province, a budget line and a
 * benefit of the commune of {@code xa}, a livelihood model of that commune with a participant, and a report of the first
 * task of the province's plan opened and filled by the officer of its lead agency.
 */
public final class DemoAdditions {

    /** The units of {@code xa} and {@code tinh}, and the officer who opened the task report (none without a task). */
    public record Added(long commune, long province, Optional<String> taskOfficer) {
    }

    private DemoAdditions() {
    }

    public static Added add(ApplicationContext context) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        UserAccounts users = context.getBean(UserAccounts.class);
        CurrentUser xa = users.findByUsername("xa").orElseThrow();
        CurrentUser tinh = users.findByUsername("tinh").orElseThrow();
        long commune = jdbc.sql("SELECT unit_id FROM app_user WHERE username = 'xa'").query(Long.class).single();
        long province = jdbc.sql("SELECT unit_id FROM app_user WHERE username = 'tinh'").query(Long.class).single();
        context.getBean(MonitoringReports.class).createPeriod(province, ReportKind.HALF_YEAR, 2026, 1, tinh);
        var leaf = context.getBean(ProgrammeCatalogue.class).leaves("2021-2025").get(3);
        context.getBean(BudgetLines.class).saveLines(commune, 2026, List.of(new BudgetLine(leaf.id(), FundingSource.LOCAL,
                new StageAmounts(new BigDecimal("3000"), new BigDecimal("1234.5"), new BigDecimal("100"), BigDecimal.ZERO))), xa);
        String household = jdbc.sql("SELECT household_code FROM household WHERE commune_id = :c ORDER BY id LIMIT 1")
                .param("c", commune).query(String.class).single();
        String communeCode = jdbc.sql("SELECT code FROM admin_unit WHERE id = :c").param("c", commune)
                .query(String.class).single();
        context.getBean(BenefitRecords.class).add(new BenefitEntry(household, communeCode, "1", "LEGAL_AID", "2026-06-06",
                "", "TGPL-1", "trợ giúp pháp lý"), xa);
        Optional<String> officer = openTaskReport(context, jdbc, users, province);
        WalkModel.withParticipant(context, commune, jdbc.sql("SELECT id FROM household WHERE commune_id = :c ORDER BY id LIMIT 1")
                .param("c", commune).query(Long.class).single(), xa);
        return new Added(commune, province, officer);
    }

    /** The demonstration's agency officer of the first task's lead agency opens and fills its first report, if any. */
    private static Optional<String> openTaskReport(ApplicationContext context, JdbcClient jdbc, UserAccounts users, long province) {
        List<Long> task = jdbc.sql("""
                        SELECT t.id FROM plan_task t JOIN plan p ON p.id = t.plan_id WHERE p.unit_id = :p ORDER BY t.id LIMIT 1""")
                .param("p", province).query(Long.class).list();
        if (task.isEmpty()) {
            return Optional.empty();
        }
        List<String> officer = jdbc.sql("""
                        SELECT u.username FROM app_user u JOIN plan_task t ON t.lead_agency_id = u.agency_id
                        WHERE t.id = :t ORDER BY u.id LIMIT 1""").param("t", task.get(0)).query(String.class).list();
        if (officer.isEmpty()) {
            return Optional.empty();
        }
        CurrentUser user = users.findByUsername(officer.get(0)).orElseThrow();
        String kind = jdbc.sql("SELECT report_kinds[1] FROM plan_task WHERE id = :t").param("t", task.get(0))
                .query(String.class).single();
        int year = jdbc.sql("SELECT p.plan_year FROM plan_task t JOIN plan p ON p.id = t.plan_id WHERE t.id = :t")
                .param("t", task.get(0)).query(Integer.class).single();
        TaskReports taskReports = context.getBean(TaskReports.class);
        long report = taskReports.open(task.get(0), kind, year, 1, user);
        long output = jdbc.sql("SELECT id FROM plan_task_output WHERE task_id = :t ORDER BY sort_order LIMIT 1")
                .param("t", task.get(0)).query(Long.class).single();
        taskReports.save(report, 0, "ghi chú", List.of(new TaskReports.ValueInput(output, null, new BigDecimal("1234.5"))), user);
        return Optional.of(officer.get(0));
    }
}
