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

    @GetMapping("/monitoring/indicators")
    List<Indicator> indicators() {
        CurrentUsers.require();
        return indicators.indicators();
    }

    /** The results framework of the unit's year; the {@code ETag} is the version of its targets. */
    @GetMapping("/monitoring/results")
    ResponseEntity<List<MonitoringIndicators.ResultRow>> results(@RequestParam long unit, @RequestParam int year) {
        CurrentUser user = CurrentUsers.require();
        return ResponseEntity.ok().eTag(indicators.targetsVersion(unit, year, user))
                .body(indicators.resultsFramework(unit, year, user));
    }

    /**
     * Saves the unit's indicator targets of the year, from the targets as read: the version ({@code ETag} of
     * {@code GET /monitoring/results}) in {@code If-Match} or {@code version} is required; targets changed since are refused.
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

    @GetMapping("/monitoring/reports")
    List<Report> reports(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year,
                         @RequestParam(required = false) String kind) {
        return reports.list(CurrentUsers.require(), unit, year, kind == null ? null : MonitoringPageController.kind(kind));
    }

    record PeriodRequest(Long unitId, String kind, int year, Integer number) {
    }

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

    @PutMapping("/monitoring/reports/{id}/values")
    Report fill(@PathVariable long id, @RequestBody ValuesRequest request) {
        return reports.fill(id, request.values() == null ? Map.of() : request.values(), request.version(), CurrentUsers.require());
    }

    record Action(Integer version, String reason) {
    }

    @PostMapping("/monitoring/reports/{id}/submit")
    Report submit(@PathVariable long id, @RequestBody(required = false) Action action) {
        return reports.submit(id, action == null ? null : action.version(), CurrentUsers.require());
    }

    @PostMapping("/monitoring/reports/{id}/return")
    Report returnReport(@PathVariable long id, @RequestBody Action action) {
        return reports.returnReport(id, action.reason() == null ? "" : action.reason(), action.version(), CurrentUsers.require());
    }

    @PostMapping("/monitoring/reports/{id}/approve")
    Report approve(@PathVariable long id, @RequestBody(required = false) Action action) {
        return reports.approve(id, action == null ? null : action.version(), CurrentUsers.require());
    }
}
