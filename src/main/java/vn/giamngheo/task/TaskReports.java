package vn.giamngheo.task;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.agency.Agency;
import vn.giamngheo.geography.AdminUnit;
import vn.giamngheo.monitoring.ReportCalendar;
import vn.giamngheo.monitoring.ReportValidation;
import vn.giamngheo.monitoring.RuleViolation;
import vn.giamngheo.monitoring.ValidationRules;
import vn.giamngheo.plan.InvalidPlanException;
import vn.giamngheo.plan.PlanNotFoundException;
import vn.giamngheo.plan.PlanProblem;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.task.rules.OutputProgress;

/**
 * The lead agency's output reports of a task, one per period it reports in: opened and filled (a value per output, per
 * commune when the output is per commune, and a note) and submitted by the agency's officers; returned with a reason
 * or accepted by the plan's level. Every change carries the version it was read at; the database audits every row.
 * The consolidation of a plan's period: each output's target, the lead agency's value, the sum per indicator, the
 * share of the target and each report's status, with the late or missing reports.
 */
@Service
public class TaskReports {

    static final String DRAFT = "draft";
    static final String SUBMITTED = "submitted";
    static final String RETURNED = "returned";
    static final String ACCEPTED = "accepted";

    private static final String SELECT = """
            SELECT r.id, r.task_id, r.agency_id, r.kind, r.year, r.number, r.period_start, r.period_end, r.due_date,
                   r.status, r.note, r.return_reason, r.submitted_by, r.submitted_at, r.reviewed_by, r.reviewed_at, r.version
            FROM task_report r
            """;

    private final JdbcClient jdbc;
    private final PlanTasks tasks;
    private final ReportCalendar calendar;
    private final ValidationRules rules;
    private final ReportValidation validation;

    TaskReports(JdbcClient jdbc, PlanTasks tasks, ReportCalendar calendar, ValidationRules rules, ReportValidation validation) {
        this.rules = rules;
        this.validation = validation;
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.calendar = calendar;
    }

    /** A report as stored. */
    record Report(long id, long taskId, long agencyId, String kind, int year, int number, LocalDate periodStart,
                  LocalDate periodEnd, LocalDate dueDate, String status, String note, String returnReason,
                  String submittedBy, Instant submittedAt, String reviewedBy, Instant reviewedAt, int version) {

        public boolean editable() {
            return DRAFT.equals(status) || RETURNED.equals(status);
        }

        public boolean sent() {
            return SUBMITTED.equals(status) || ACCEPTED.equals(status);
        }
    }

    /** A report with its task and values: output id → (commune id or 0 for the whole area) → value. */
    record Filled(Report report, PlanTasks.Task task, Map<Long, Map<Long, BigDecimal>> values) {

        public BigDecimal total(long outputId) {
            Map<Long, BigDecimal> v = values.get(outputId);
            return v == null || v.isEmpty() ? null : v.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public BigDecimal value(long outputId, long unitId) {
            Map<Long, BigDecimal> v = values.get(outputId);
            return v == null ? null : v.get(unitId);
        }
    }

    /** The reports of a task, by period end. */
    List<Report> ofTask(long taskId, CurrentUser user) {
        PlanTasks.Task task = tasks.task(taskId, user);
        return jdbc.sql(SELECT + " WHERE r.task_id = :id ORDER BY r.period_end, r.kind").param("id", task.id())
                .query(TaskReports::report).list();
    }

    /** A report the user sees: of a task they see; an agency officer only their agency's (else 404). */
    Filled get(long reportId, CurrentUser user) {
        Report r = jdbc.sql(SELECT + " WHERE r.id = :id").param("id", reportId).query(TaskReports::report).optional()
                .orElseThrow(() -> new PlanNotFoundException("no output report " + reportId));
        if (user.isAgencyOfficer() && !Objects.equals(user.agencyId(), r.agencyId())) {
            throw new PlanNotFoundException("no output report " + reportId + " of the user's agency");
        }
        PlanTasks.Task task = tasks.task(r.taskId(), user);
        Map<Long, Map<Long, BigDecimal>> values = new LinkedHashMap<>();
        jdbc.sql("SELECT output_id, unit_id, value FROM task_report_value WHERE report_id = :id ORDER BY output_id, unit_id")
                .param("id", r.id()).query(rs -> {
                    Long unit = (Long) rs.getObject("unit_id");
                    values.computeIfAbsent(rs.getLong("output_id"), k -> new LinkedHashMap<>())
                            .put(unit == null ? 0L : unit, rs.getBigDecimal("value"));
                });
        return new Filled(r, task, values);
    }

    /**
     * Opens the report of a period (one the task reports in) for the task's lead agency, or returns the one already
     * open: only the lead agency's officers open reports. Returns the report's id.
     */
    @Transactional
    public long open(long taskId, String kind, int year, int number, CurrentUser user) {
        PlanTasks.Task task = tasks.task(taskId, user);
        requireLeadOfficer(task, user);
        ReportCalendar.Period period = tasks.periods(task).stream()
                .filter(p -> p.kind().equals(kind) && p.year() == year && p.number() == number).findFirst()
                .orElseThrow(() -> new InvalidPlanException(PlanProblem.of("period", "task.error.period")));
        jdbc.sql("""
                        INSERT INTO task_report (task_id, agency_id, province_code, kind, year, number, period_start, period_end,
                                                 due_date, created_by, updated_by)
                        VALUES (:t, :a, :pc, :kind, :year, :number, :start, :end, :due, :by, :by)
                        ON CONFLICT (task_id, kind, year, number) DO NOTHING""")
                .param("t", task.id()).param("a", task.leadAgencyId()).param("pc", task.provinceCode())
                .param("kind", kind).param("year", year).param("number", number).param("start", period.start())
                .param("end", period.end()).param("due", period.due()).param("by", user.getUsername()).update();
        return jdbc.sql("SELECT id FROM task_report WHERE task_id = :t AND kind = :k AND year = :y AND number = :n")
                .param("t", task.id()).param("k", kind).param("y", year).param("n", number).query(Long.class).single();
    }

    /** A value as entered: the output, the commune's code (per-commune outputs; else null) and the value. */
    public record ValueInput(Long outputId, String communeCode, BigDecimal value) {
    }

    /**
     * Saves the values and note of a draft or returned report read at {@code version}: the lead agency's officers
     * only. Every value is checked (an output of the task, a commune of the plan's area for a per-commune output, not
     * negative); the values given replace the report's values. The outputs that are indicators are checked against
     * the validation rules of the plan's unit and the period (monitoring's {@link ValidationRules}): a violation of a
     * blocking rule refuses the values, the others are returned to be shown.
     */
    @Transactional
    public List<RuleViolation> save(long reportId, Integer version, String note, List<ValueInput> values, CurrentUser user) {
        Filled f = get(reportId, user);
        requireLeadOfficer(f.task(), user);
        checkVersion(f.report(), version);
        if (!f.report().editable()) {
            throw new InvalidPlanException(PlanProblem.of("status", "task.error.report-locked"));
        }
        List<PlanProblem> problems = new ArrayList<>();
        if (note != null && note.length() > 2000) {
            problems.add(PlanProblem.of("note", "task.error.note"));
        }
        Map<Long, PlanTasks.Output> outputs = new HashMap<>();
        f.task().outputs().forEach(o -> outputs.put(o.id(), o));
        Map<String, Long> communes = null;
        Map<String, BigDecimal> checked = new LinkedHashMap<>();
        for (ValueInput v : values == null ? List.<ValueInput>of() : values) {
            if (v == null || v.value() == null) {
                continue;
            }
            PlanTasks.Output o = v.outputId() == null ? null : outputs.get(v.outputId());
            if (o == null) {
                problems.add(PlanProblem.of("values", "task.error.value-output", String.valueOf(v.outputId())));
                continue;
            }
            Long unit = null;
            if (o.perCommune()) {
                if (communes == null) {
                    communes = tasks.communeIds(tasks.plan(f.task().planId(), user));
                }
                unit = v.communeCode() == null ? null : communes.get(v.communeCode().strip());
                if (unit == null) {
                    problems.add(PlanProblem.of("values", "task.error.commune", String.valueOf(v.communeCode())));
                    continue;
                }
            } else if (v.communeCode() != null && !v.communeCode().isBlank()) {
                problems.add(PlanProblem.of("values", "task.error.value-commune", o.nameVi()));
                continue;
            }
            if (v.value().signum() < 0 || v.value().compareTo(new BigDecimal("1e15")) >= 0) {
                problems.add(PlanProblem.of("values", "task.error.value", o.nameVi()));
                continue;
            }
            if (checked.put(o.id() + "/" + (unit == null ? 0 : unit), v.value()) != null) {
                problems.add(PlanProblem.of("values", "task.error.value-twice", o.nameVi()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPlanException(problems);
        }
        Map<String, BigDecimal> byIndicator = new LinkedHashMap<>();
        for (Map.Entry<String, BigDecimal> e : checked.entrySet()) {
            PlanTasks.Output o = outputs.get(Long.parseLong(e.getKey().split("/")[0]));
            if (o.indicatorCode() != null) {
                byIndicator.merge(o.indicatorCode(), e.getValue(), BigDecimal::add);
            }
        }
        List<RuleViolation> violations = violations(f, byIndicator);
        for (RuleViolation v : violations) {
            if (v.blocking()) {
                problems.add(PlanProblem.of("values", "task.error.rule", v.ruleCode(), v.nameVi(),
                        String.valueOf(v.left()), v.operator(), String.valueOf(v.right())));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPlanException(problems);
        }
        int updated = jdbc.sql("""
                        UPDATE task_report SET note = :note, updated_by = :by, updated_at = now(), version = version + 1
                        WHERE id = :id AND version = :version""")
                .param("note", note == null || note.isBlank() ? null : note.strip()).param("by", user.getUsername())
                .param("id", reportId).param("version", version).update();
        if (updated == 0) {
            throw stale(version + 1);
        }
        jdbc.sql("DELETE FROM task_report_value WHERE report_id = :id").param("id", reportId).update();
        for (Map.Entry<String, BigDecimal> e : checked.entrySet()) {
            String[] key = e.getKey().split("/");
            long unit = Long.parseLong(key[1]);
            jdbc.sql("INSERT INTO task_report_value (report_id, output_id, unit_id, value) VALUES (:r, :o, :u, :v)")
                    .param("r", reportId).param("o", Long.parseLong(key[0])).param("u", unit == 0 ? null : unit)
                    .param("v", e.getValue()).update();
        }
        return violations;
    }

    /** The validation rules' violations of a report's indicator values (none when no output is an indicator). */
    private List<RuleViolation> violations(Filled f, Map<String, BigDecimal> byIndicator) {
        if (byIndicator.isEmpty()) {
            return List.of();
        }
        PlanTasks.Task t = f.task();
        return rules.check(t.unitId(), f.report().year(), f.report().kind(), f.report().number(), byIndicator);
    }

    /** The violations of a report's stored values, to show beside the form. */
    List<RuleViolation> violations(Filled f) {
        Map<String, BigDecimal> byIndicator = new LinkedHashMap<>();
        for (PlanTasks.Output o : f.task().outputs()) {
            BigDecimal total = f.total(o.id());
            if (o.indicatorCode() != null && total != null) {
                byIndicator.merge(o.indicatorCode(), total, BigDecimal::add);
            }
        }
        return violations(f, byIndicator);
    }

    /** The lead agency's officer sends a draft or returned report read at {@code version}. */
    @Transactional
    public void submit(long reportId, Integer version, CurrentUser user) {
        Filled f = get(reportId, user);
        requireLeadOfficer(f.task(), user);
        checkVersion(f.report(), version);
        if (!f.report().editable()) {
            throw new InvalidPlanException(PlanProblem.of("status", "task.error.report-locked"));
        }
        if (f.values().isEmpty()) {
            throw new InvalidPlanException(PlanProblem.of("values", "task.error.report-empty"));
        }
        move(reportId, version, SUBMITTED, null, user, """
                submitted_by = :by, submitted_at = now(),""");
    }

    /** The plan's level sends a submitted report read at {@code version} back with a reason. */
    @Transactional
    public void returnReport(long reportId, Integer version, String reason, CurrentUser user) {
        Filled f = reviewable(reportId, version, user);
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new InvalidPlanException(PlanProblem.of("reason", "task.error.reason"));
        }
        move(f.report().id(), version, RETURNED, reason.strip(), user, "reviewed_by = :by, reviewed_at = now(),");
    }

    /** The plan's level accepts a submitted report read at {@code version}; it is then locked. */
    @Transactional
    public void accept(long reportId, Integer version, CurrentUser user) {
        Filled f = reviewable(reportId, version, user);
        move(f.report().id(), version, ACCEPTED, null, user, "reviewed_by = :by, reviewed_at = now(),");
    }

    private Filled reviewable(long reportId, Integer version, CurrentUser user) {
        Filled f = get(reportId, user);
        tasks.editablePlan(f.task().planId(), user);
        checkVersion(f.report(), version);
        if (!SUBMITTED.equals(f.report().status())) {
            throw new InvalidPlanException(PlanProblem.of("status", "task.error.not-submitted"));
        }
        return f;
    }

    private void move(long reportId, Integer version, String status, String reason, CurrentUser user, String stamps) {
        int updated = jdbc.sql("UPDATE task_report SET status = :s, return_reason = :reason, " + stamps + """
                         updated_by = :by, updated_at = now(), version = version + 1
                        WHERE id = :id AND version = :version""")
                .param("s", status).param("reason", reason).param("by", user.getUsername()).param("id", reportId)
                .param("version", version).update();
        if (updated == 0) {
            throw stale(version + 1);
        }
    }

    private static void requireLeadOfficer(PlanTasks.Task task, CurrentUser user) {
        if (!user.isAgencyOfficer() || !Objects.equals(user.agencyId(), task.leadAgencyId())) {
            throw new AccessDeniedException("only the officers of the task's lead agency report its outputs");
        }
    }

    private static void checkVersion(Report r, Integer version) {
        if (version == null) {
            throw new InvalidPlanException(PlanProblem.of("version", "task.error.version-required"));
        }
        if (version != r.version()) {
            throw stale(r.version());
        }
    }

    private static InvalidPlanException stale(int current) {
        return new InvalidPlanException(PlanProblem.of("version", "task.error.stale", String.valueOf(current)));
    }

    // ------------------------------------------------------------------------------------------------ consolidation

    /** One output's line of a plan's period: target, the lead agency's report and value, share of the target. */
    record Line(PlanTasks.Task task, PlanTasks.Output output, Agency agency, Report report, BigDecimal value,
                BigDecimal share, ReportValidation.CheckFigure register) {

        /** The register's figure of the output's indicator for the plan's area and the period; null if it has none. */
        public BigDecimal registerValue() {
            return register == null ? null : register.computed();
        }

        /** Whether the agency's entry differs from the register's figure beyond the tolerance. */
        public boolean flagged() {
            return register != null && register.flagged();
        }

        public String status() {
            return report == null ? "missing" : report.status();
        }
    }

    /** The sum of the lines of one indicator (or one free output's name and unit) over the plan's tasks. */
    record Sum(String indicatorCode, String nameVi, String nameEn, String unitOfMeasure, BigDecimal target,
               BigDecimal value, BigDecimal share, int lines) {

        public String name(java.util.Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameVi;
        }
    }

    /** A plan's period consolidated: its lines, the sums by indicator, and the late reports of the plan's tasks. */
    record Consolidation(PlanTasks.PlanRef plan, ReportCalendar.Period period, List<Line> lines, List<Sum> sums,
                         List<LateOutputReport> late) {
    }

    /**
     * The consolidation of a plan's period as the user sees it: every output of the plan's tasks reporting in that
     * kind, with its lead agency's report of the period; the value counts whatever the report's status (the status
     * is shown), the sums count accepted and submitted reports only.
     */
    Consolidation consolidate(long planId, String kind, int year, int number, LocalDate day, CurrentUser user) {
        PlanTasks.PlanRef plan = tasks.plan(planId, user);
        if (ReportCalendar.periodsPerYear(kind).isEmpty()) {
            throw new InvalidPlanException(PlanProblem.of("kind", "task.error.kind"));
        }
        if (number < 1 || number > ReportCalendar.periodsPerYear(kind).get() || year < 2000 || year > 2100) {
            throw new InvalidPlanException(PlanProblem.of("number", "task.error.period"));
        }
        ReportCalendar.Period period = calendar.period(kind, year, number);
        List<PlanTasks.Task> all = tasks.tasks(planId, user);
        Map<Long, Report> reports = new HashMap<>();
        Map<Long, Map<Long, BigDecimal>> totals = new HashMap<>();
        if (!all.isEmpty()) {
            jdbc.sql(SELECT + " WHERE r.task_id IN (:ids) AND r.kind = :k AND r.year = :y AND r.number = :n")
                    .param("ids", all.stream().map(PlanTasks.Task::id).toList()).param("k", kind).param("y", year)
                    .param("n", number).query(TaskReports::report).list().forEach(r -> reports.put(r.taskId(), r));
            if (!reports.isEmpty()) {
                jdbc.sql("""
                                SELECT v.report_id, v.output_id, sum(v.value) AS value FROM task_report_value v
                                WHERE v.report_id IN (:ids) GROUP BY v.report_id, v.output_id""")
                        .param("ids", reports.values().stream().map(Report::id).toList()).query(rs -> {
                            totals.computeIfAbsent(rs.getLong("report_id"), k -> new HashMap<>())
                                    .put(rs.getLong("output_id"), rs.getBigDecimal("value"));
                        });
            }
        }
        List<Line> lines = new ArrayList<>();
        Map<String, Sum> sums = new LinkedHashMap<>();
        // the register's figure of an output's indicator for the plan's area and period, computed once per indicator
        Map<String, java.util.Optional<ReportValidation.CheckFigure>> registers = new HashMap<>();
        for (PlanTasks.Task t : all) {
            if (!t.reportKinds().contains(kind) || tasks.periods(t).stream().noneMatch(p -> p.kind().equals(kind)
                    && p.year() == year && p.number() == number)) {
                continue;
            }
            Report r = reports.get(t.id());
            for (PlanTasks.Output o : t.outputs()) {
                BigDecimal value = r == null ? null : totals.getOrDefault(r.id(), Map.of()).get(o.id());
                ReportValidation.CheckFigure register = o.indicatorCode() == null ? null : registers.computeIfAbsent(
                        o.indicatorCode(), code -> validation.check(code, plan.unitId(), period.start(), period.end(),
                                period.year(), null)).map(c -> validation.compare(c, value)).orElse(null);
                lines.add(new Line(t, o, t.lead(), r, value, OutputProgress.share(value, o.target()), register));
                String key = o.indicatorCode() != null ? "i:" + o.indicatorCode()
                        : "n:" + o.nameVi().toLowerCase(java.util.Locale.ROOT) + "|" + o.unitOfMeasure();
                boolean counts = r != null && r.sent() && value != null;
                Sum s = sums.get(key);
                BigDecimal target = add(s == null ? null : s.target(), o.target());
                BigDecimal sum = counts ? add(s == null ? null : s.value(), value) : s == null ? null : s.value();
                sums.put(key, new Sum(o.indicatorCode(), o.nameVi(), o.nameEn(), o.unitOfMeasure(), target, sum,
                        OutputProgress.share(sum, target), (s == null ? 0 : s.lines()) + 1));
            }
        }
        List<LateOutputReport> late = tasks.late(all, day);
        return new Consolidation(plan, period, lines, List.copyOf(sums.values()), late);
    }

    private static BigDecimal add(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.add(b);
    }

    /**
     * The register's figure of each output bound to an indicator the register checks, for the task's area and the
     * report's period, beside the report's value (flagged beyond monitoring's tolerance): output id → check.
     */
    Map<Long, ReportValidation.CheckFigure> registers(Filled f) {
        Map<Long, ReportValidation.CheckFigure> registers = new HashMap<>();
        for (PlanTasks.Output o : f.task().outputs()) {
            if (o.indicatorCode() != null) {
                validation.check(o.indicatorCode(), f.task().unitId(), f.report().periodStart(), f.report().periodEnd(),
                        f.report().year(), f.total(o.id())).ifPresent(c -> registers.put(o.id(), c));
            }
        }
        return registers;
    }

    /** The difference (per cent of the register's figure) above which an entry is flagged: monitoring's parameter. */
    BigDecimal tolerance() {
        return validation.tolerance();
    }

    /** The communes a report's per-commune outputs are entered for. */
    List<AdminUnit> communes(Filled f, CurrentUser user) {
        return f.task().outputs().stream().anyMatch(PlanTasks.Output::perCommune)
                ? tasks.communes(tasks.plan(f.task().planId(), user)) : List.of();
    }

    private static Report report(ResultSet rs, int n) throws SQLException {
        java.sql.Timestamp submitted = rs.getTimestamp("submitted_at");
        java.sql.Timestamp reviewed = rs.getTimestamp("reviewed_at");
        return new Report(rs.getLong("id"), rs.getLong("task_id"), rs.getLong("agency_id"), rs.getString("kind"),
                rs.getInt("year"), rs.getInt("number"), rs.getObject("period_start", LocalDate.class),
                rs.getObject("period_end", LocalDate.class), rs.getObject("due_date", LocalDate.class),
                rs.getString("status"), rs.getString("note"), rs.getString("return_reason"), rs.getString("submitted_by"),
                submitted == null ? null : submitted.toInstant(), rs.getString("reviewed_by"),
                reviewed == null ? null : reviewed.toInstant(), rs.getInt("version"));
    }
}
