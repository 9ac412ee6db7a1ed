package vn.giamngheo.monitoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.monitoring.rules.IndicatorValue;
import vn.giamngheo.programme.InvalidProgrammeException;
import vn.giamngheo.programme.ProgrammeProblem;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/** REST API of monitoring: indicators and targets (the results framework), periodic reports and their workflow. */
@RestController
@RequestMapping("/api/v1")
class MonitoringApiController {

    private final MonitoringIndicators indicators;
    private final MonitoringReports reports;
    private final MessageSource messages;

    MonitoringApiController(MonitoringIndicators indicators, MonitoringReports reports, MessageSource messages) {
        this.indicators = indicators;
        this.reports = reports;
        this.messages = messages;
    }

    /**
     * The indicators of the results framework.
     * Every indicator the programme monitors, with its code, names, unit of measure and how it is computed: the
     * national ones and the caller's province's own (all of them for a national user).
     */
    @GetMapping("/monitoring/indicators")
    List<Indicator> indicators() {
        return indicators.indicators(CurrentUsers.require());
    }

    /**
     * The results framework of the unit's year; the {@code ETag} is the version of its targets.
     * @param unit id of a unit of the caller's area (a commune, or the province)
     * @param year the year of the targets and results
     */
    @GetMapping("/monitoring/results")
    ResponseEntity<List<MonitoringIndicators.ResultRow>> results(@RequestParam long unit, @RequestParam int year) {
        CurrentUser user = CurrentUsers.require();
        return ResponseEntity.ok().eTag(indicators.targetsVersion(unit, year, user))
                .body(indicators.resultsFramework(unit, year, user));
    }

    /**
     * Saves the unit's indicator targets of a year.
     *
     * Saves the unit's indicator targets of the year, from the targets as read: the version ({@code ETag} of
     * {@code GET /monitoring/results}) in {@code If-Match} or {@code version} is required; targets changed since are refused.
     * @param unit id of a unit of the caller's area whose targets are saved
     * @param year the year of the targets
     * @param version the version of the targets as read (the {@code ETag} of {@code GET /monitoring/results}); or
     * {@code If-Match}
     * @param ifMatch the version of the targets as read, as an HTTP precondition (or {@code version})
     * @param targets the targets: indicator id, baseline and target of each indicator
     */
    @PutMapping("/monitoring/targets")
    ResponseEntity<List<MonitoringIndicators.ResultRow>> saveTargets(@RequestParam long unit, @RequestParam int year,
                                                     @RequestParam(required = false) String version,
                                                     @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                     @RequestBody List<MonitoringIndicators.Target> targets) {
        CurrentUser user = CurrentUsers.require();
        indicators.saveTargets(unit, year, targets.stream()
                .map(t -> new MonitoringIndicators.Target(t.indicatorId(), unit, year, t.baseline(), t.target())).toList(),
                version != null ? version : ifMatch, user);
        return ResponseEntity.ok().eTag(indicators.targetsVersion(unit, year, user))
                .body(indicators.resultsFramework(unit, year, user));
    }

    /**
     * The periodic monitoring reports of the caller's area.
     * The reports (monthly, quarterly, half-yearly, yearly) of the units of the caller's area, with their state in the
     * workflow (open, submitted, returned, approved), optionally of one unit, year or kind.
     * @param unit id of a unit of the caller's area (default: every unit of the area)
     * @param year the reporting year (default: every year)
     * @param kind the kind of report: month, quarter, half or year (default: every kind)
     */
    @GetMapping("/monitoring/reports")
    List<Report> reports(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year,
                         @RequestParam(required = false) String kind) {
        return reports.list(CurrentUsers.require(), unit, year, kind == null ? null : MonitoringPageController.kind(kind));
    }

    record PeriodRequest(Long unitId, String kind, int year, Integer number) {
    }

    /**
     * Opens the reports of a period for a unit and the units below it.
     * Creates the reports of one period (kind, year, number) for the unit (default: the caller's own) and every unit below
     * it that reports; answers how many were created (reports that exist already are left as they are).
     * @param request the unit ({@code unitId}, default the caller's own), the {@code kind} (month, quarter, half, year),
     * the {@code year} and the period's {@code number} in the year (default 1)
     */
    @PostMapping("/monitoring/reports/periods")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Integer> createPeriod(@RequestBody PeriodRequest request) {
        CurrentUser user = CurrentUsers.require();
        Long unit = request.unitId() != null ? request.unitId() : user.scope().unitId();
        if (unit == null) {
            throw new InvalidProgrammeException(ProgrammeProblem.of("unitId", "programme.problem.unit-required"));
        }
        int created = reports.createPeriod(unit, MonitoringPageController.kind(String.valueOf(request.kind())), request.year(),
                request.number() == null ? 1 : request.number(), user);
        return Map.of("created", created);
    }

    /**
     * The reports of the caller's area that are overdue.
     * Reports not yet submitted (or approved) whose due date has passed on the given day.
     * @param date the day on which reports are overdue (ISO, 2026-06-30; default: today)
     */
    @GetMapping("/monitoring/reports/overdue")
    List<Report> overdue(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return reports.overdue(CurrentUsers.require().scope(), date == null ? reports.today() : date);
    }

    /** Something the reader must know about the report, in both languages. */
    record Warning(String code, String vi, String en) {
    }

    record ReportDetail(Report report, Map<Long, IndicatorValue> values, MonitoringReports.Consolidation consolidation,
                        MonitoringReports.Completeness completeness, List<Warning> warnings) {
    }

    /**
     * One monitoring report with its values.
     * The report, its indicator values, the consolidation of the units below it, how complete it is, and warnings the
     * reader must know (in Vietnamese and English).
     * @param id id of the report (a report of the caller's area)
     */
    @GetMapping("/monitoring/reports/{id}")
    ReportDetail report(@PathVariable long id) {
        CurrentUser user = CurrentUsers.require();
        Report r = reports.get(id, user);
        List<Warning> warnings = new ArrayList<>();
        if (r.ministryDueBeforeDataEnd()) {
            String key = MonitoringPageController.MINISTRY_BEFORE_DATA_END;
            Object[] args = {r.ministryDueDate().toString(), r.periodEnd().toString()};
            warnings.add(new Warning("ministryDueBeforeDataEnd", messages.getMessage(key, args, Locale.forLanguageTag("vi")),
                    messages.getMessage(key, args, Locale.ENGLISH)));
        }
        return new ReportDetail(r, reports.values(id, user), reports.consolidated(id, user),
                reports.completeness(id, reports.today(), user), warnings);
    }

    record ValuesRequest(Integer version, Map<Long, IndicatorValue> values) {
    }

    /**
     * Fills in the values of a report.
     * Saves the indicator values of an open or returned report, from the version the client read: a report changed since
     * answers 409.
     * @param id id of the report
     * @param request the report's {@code version} as read and the values by indicator id
     */
    @PutMapping("/monitoring/reports/{id}/values")
    Report fill(@PathVariable long id, @RequestBody ValuesRequest request) {
        return reports.fill(id, request.values() == null ? Map.of() : request.values(), request.version(), CurrentUsers.require());
    }

    record Action(Integer version, String reason) {
    }

    /**
     * Submits a report to the level above.
     * @param id id of the report
     * @param action the report's {@code version} as read (optional)
     */
    @PostMapping("/monitoring/reports/{id}/submit")
    Report submit(@PathVariable long id, @RequestBody(required = false) Action action) {
        return reports.submit(id, action == null ? null : action.version(), CurrentUsers.require());
    }

    /**
     * Returns a submitted report to its unit, with a reason.
     * @param id id of the report
     * @param action the report's {@code version} as read and the {@code reason} for returning it
     */
    @PostMapping("/monitoring/reports/{id}/return")
    Report returnReport(@PathVariable long id, @RequestBody Action action) {
        return reports.returnReport(id, action.reason() == null ? "" : action.reason(), action.version(), CurrentUsers.require());
    }

    /**
     * Approves a submitted report.
     * @param id id of the report
     * @param action the report's {@code version} as read (optional)
     */
    @PostMapping("/monitoring/reports/{id}/approve")
    Report approve(@PathVariable long id, @RequestBody(required = false) Action action) {
        return reports.approve(id, action == null ? null : action.version(), CurrentUsers.require());
    }
}
