package vn.giamngheo.task;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/**
 * REST API of plan tasks and the agencies' output reports: a plan's tasks, create and change a task, an agency's tasks
 * and late reports, open, fill, submit, return and accept an output report, and a plan's consolidation per period.
 */
@RestController
@RequestMapping("/api/v1")
class TaskApiController {

    /** A task as changed, with {@code version} as last read: required; a task changed since is refused. */
    record TaskChange(Integer version, Long itemId, String descriptionVi, String descriptionEn, Long leadAgencyId,
                      List<Long> partnerAgencyIds, LocalDate deadline, List<String> reportKinds,
                      List<PlanTasks.OutputInput> outputs) {

        PlanTasks.TaskInput input() {
            return new PlanTasks.TaskInput(itemId, descriptionVi, descriptionEn, leadAgencyId, partnerAgencyIds, deadline,
                    reportKinds, outputs);
        }
    }

    /** The period of a report to open: kind ({@code quarter}, {@code half_year}, {@code nine_months}, {@code year}), year, number. */
    record Period(String kind, int year, int number) {
    }

    /** A report's values and note as entered, with {@code version} as last read. */
    record Values(Integer version, String note, List<TaskReports.ValueInput> values) {
    }

    /** A move of a report read at {@code version}; {@code reason} for a return. */
    record Move(Integer version, String reason) {
    }

    private final PlanTasks tasks;
    private final TaskReports reports;
    private final MessageSource messages;
    private final Clock clock;

    TaskApiController(PlanTasks tasks, TaskReports reports, MessageSource messages, Clock clock) {
        this.tasks = tasks;
        this.reports = reports;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * The tasks of a plan with their agencies, outputs, targets and what the accepted reports reached.
     *
     * @param planId id of the plan (of the caller's area)
     */
    @GetMapping("/plans/{planId}/tasks")
    List<PlanTask> ofPlan(@PathVariable long planId) {
        return tasks.tasks(planId, CurrentUsers.require()).stream().map(PlanTasks.Task::api).toList();
    }

    /**
     * Creates a task of a plan; editors of the plan's level only. Answers the new task's id.
     *
     * @param planId id of the plan (of the caller's area)
     * @param task   the programme item, descriptions, lead and coordinating agencies, deadline, report kinds and outputs
     */
    @PostMapping("/plans/{planId}/tasks")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(@PathVariable long planId, @RequestBody TaskChange task) {
        return Map.of("id", tasks.create(planId, task.input(), CurrentUsers.require()));
    }

    /**
     * The agencies proposed for a task of a programme item: its lead and coordinating agencies resolved to the
     * plan's province.
     *
     * @param planId id of the plan (of the caller's area)
     * @param itemId id of the programme item
     */
    @GetMapping("/plans/{planId}/tasks/proposal")
    PlanTasks.Proposal proposal(@PathVariable long planId, @RequestParam long itemId) {
        return tasks.proposal(tasks.plan(planId, CurrentUsers.require()), itemId);
    }

    /**
     * One task with its version, report kinds and reports; an agency officer only their agency's.
     *
     * @param id id of the task
     */
    @GetMapping("/tasks/{id}")
    Map<String, Object> task(@PathVariable long id) {
        CurrentUser user = CurrentUsers.require();
        PlanTasks.Task t = tasks.task(id, user);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", t.api());
        m.put("version", t.version());
        m.put("reportKinds", t.reportKinds());
        m.put("outputIds", t.outputs().stream().map(PlanTasks.Output::id).toList());
        m.put("reports", reports.ofTask(id, user));
        return m;
    }

    /**
     * Changes a task read at {@code version}; editors of the plan's level only.
     *
     * @param id   id of the task
     * @param task the task as changed, with the version it was read at
     */
    @PostMapping("/tasks/{id}")
    Map<String, Object> update(@PathVariable long id, @RequestBody TaskChange task) {
        CurrentUser user = CurrentUsers.require();
        tasks.update(id, task.version(), task.input(), user);
        return task(id);
    }

    /** The tasks of the caller's agency (agency officers) in their area, deadline first. */
    @GetMapping("/tasks/mine")
    List<PlanTask> mine() {
        return tasks.mine(CurrentUsers.require()).stream().map(PlanTasks.Task::api).toList();
    }

    /**
     * The output reports late on a day: of the caller's area, or of the caller's agency for an agency officer.
     *
     * @param date the day (ISO, 2026-07-31; default: today)
     */
    @GetMapping("/tasks/late")
    List<LateOutputReport> late(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        CurrentUser user = CurrentUsers.require();
        LocalDate day = date == null ? today() : date;
        return user.isAgencyOfficer() ? tasks.lateOfMine(user, day) : tasks.late(user.scope(), day);
    }

    /**
     * Opens the output report of a period of a task (or answers the one open); the lead agency's officers only.
     *
     * @param id     id of the task
     * @param period kind, year and number of the period (one the task reports in)
     */
    @PostMapping("/tasks/{id}/reports")
    Map<String, Object> open(@PathVariable long id, @RequestBody Period period) {
        return Map.of("id", reports.open(id, period.kind(), period.year(), period.number(), CurrentUsers.require()));
    }

    /**
     * An output report with its values (output id → commune id, 0 for the whole area → value).
     *
     * @param id id of the report
     */
    @GetMapping("/task-reports/{id}")
    Map<String, Object> report(@PathVariable long id) {
        TaskReports.Filled f = reports.get(id, CurrentUsers.require());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("report", f.report());
        m.put("taskId", f.task().id());
        m.put("values", f.values());
        m.put("violations", reports.violations(f));
        return m;
    }

    /**
     * Saves the values and note of a draft or returned report read at {@code version}; the lead agency's officers only.
     *
     * @param id     id of the report
     * @param values the values (output id, commune code for a per-commune output, value), the note and the version
     */
    @PostMapping("/task-reports/{id}")
    Map<String, Object> save(@PathVariable long id, @RequestBody Values values) {
        CurrentUser user = CurrentUsers.require();
        List<vn.giamngheo.monitoring.RuleViolation> violations = reports.save(id, values.version(), values.note(),
                values.values(), user);
        Map<String, Object> m = report(id);
        m.put("violations", violations);
        return m;
    }

    /**
     * Submits a draft or returned report read at {@code version}; the lead agency's officers only.
     *
     * @param id   id of the report
     * @param move the version it was read at
     */
    @PostMapping("/task-reports/{id}/submit")
    Map<String, Object> submit(@PathVariable long id, @RequestBody Move move) {
        reports.submit(id, move.version(), CurrentUsers.require());
        return report(id);
    }

    /**
     * Returns a submitted report read at {@code version} with a reason; editors of the plan's level only.
     *
     * @param id   id of the report
     * @param move the version it was read at and the reason
     */
    @PostMapping("/task-reports/{id}/return")
    Map<String, Object> returnReport(@PathVariable long id, @RequestBody Move move) {
        reports.returnReport(id, move.version(), move.reason(), CurrentUsers.require());
        return report(id);
    }

    /**
     * Accepts a submitted report read at {@code version}; editors of the plan's level only.
     *
     * @param id   id of the report
     * @param move the version it was read at
     */
    @PostMapping("/task-reports/{id}/accept")
    Map<String, Object> accept(@PathVariable long id, @RequestBody Move move) {
        reports.accept(id, move.version(), CurrentUsers.require());
        return report(id);
    }

    /**
     * The consolidation of a plan's period: each output's target, lead agency, value, share and report status, the
     * sums by indicator and the late reports.
     *
     * @param planId id of the plan (of the caller's area)
     * @param kind   report kind: quarter, half_year, nine_months or year (default year)
     * @param year   year of the period (default the plan's year)
     * @param number number of the period: 1–4 for quarters, else 1 (default 1)
     */
    @GetMapping("/plans/{planId}/tasks/consolidation")
    Map<String, Object> consolidation(@PathVariable long planId, @RequestParam(required = false) String kind,
                                      @RequestParam(required = false) Integer year,
                                      @RequestParam(required = false) Integer number) {
        CurrentUser user = CurrentUsers.require();
        PlanTasks.PlanRef plan = tasks.plan(planId, user);
        TaskReports.Consolidation c = reports.consolidate(planId, kind == null || kind.isBlank() ? "year" : kind,
                year == null ? plan.year() : year, number == null ? 1 : number, today(), user);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("period", c.period());
        m.put("lines", c.lines().stream().map(l -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("taskId", l.task().id());
            line.put("itemCode", l.task().itemCode());
            line.put("agency", l.agency());
            line.put("output", l.output().api());
            line.put("value", l.value());
            line.put("share", l.share());
            line.put("status", l.status());
            line.put("reportId", l.report() == null ? null : l.report().id());
            line.put("register", l.registerValue());
            line.put("registerFlagged", l.flagged());
            return line;
        }).toList());
        m.put("sums", c.sums());
        m.put("late", c.late());
        return m;
    }

    /**
     * The consolidation of a plan's period as XLSX in the reader's language.
     *
     * @param planId id of the plan (of the caller's area)
     * @param kind   report kind: quarter, half_year, nine_months or year (default year)
     * @param year   year of the period (default the plan's year)
     * @param number number of the period: 1–4 for quarters, else 1 (default 1)
     */
    @GetMapping("/plans/{planId}/tasks/consolidation.xlsx")
    ResponseEntity<byte[]> consolidationXlsx(@PathVariable long planId, @RequestParam(required = false) String kind,
                                             @RequestParam(required = false) Integer year,
                                             @RequestParam(required = false) Integer number) {
        CurrentUser user = CurrentUsers.require();
        PlanTasks.PlanRef plan = tasks.plan(planId, user);
        TaskReports.Consolidation c = reports.consolidate(planId, kind == null || kind.isBlank() ? "year" : kind,
                year == null ? plan.year() : year, number == null ? 1 : number, today(), user);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"tong-hop-nhiem-vu-" + planId + ".xlsx\"")
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(ConsolidationWorkbook.write(c, messages, LocaleContextHolder.getLocale()));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(vn.giamngheo.format.Formats.VIETNAM));
    }
}
