package vn.giamngheo.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.giamngheo.budget.rules.BudgetColumn;
import vn.giamngheo.budget.rules.BudgetStage;
import vn.giamngheo.budget.rules.CostTable;
import vn.giamngheo.budget.rules.FundingSource;
import vn.giamngheo.monitoring.rules.IndicatorValue;
import vn.giamngheo.table.Finding;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;
import vn.giamngheo.budget.BudgetImport;
import vn.giamngheo.budget.BudgetLine;
import vn.giamngheo.budget.BudgetLines;
import vn.giamngheo.budget.CostView;
import vn.giamngheo.monitoring.Indicator;
import vn.giamngheo.monitoring.MonitoringIndicators;
import vn.giamngheo.monitoring.MonitoringPageController;
import vn.giamngheo.monitoring.MonitoringReports;
import vn.giamngheo.monitoring.Report;
import vn.giamngheo.budget.StageAmounts;

/** REST API of the programme: catalogue, budget lines and cost tables, indicators and targets, periodic reports. */
@RestController
@RequestMapping("/api/v1")
class ProgrammeApiController {

    private final ProgrammeCatalogue catalogue;
    private final BudgetLines lines;
    private final BudgetImport budgetImport;
    private final MonitoringIndicators indicators;
    private final MonitoringReports reports;
    private final MessageSource messages;

    ProgrammeApiController(ProgrammeCatalogue catalogue, BudgetLines lines, BudgetImport budgetImport,
                           MonitoringIndicators indicators, MonitoringReports reports, MessageSource messages) {
        this.messages = messages;
        this.catalogue = catalogue;
        this.lines = lines;
        this.budgetImport = budgetImport;
        this.indicators = indicators;
        this.reports = reports;
    }

    @GetMapping("/programme/periods")
    List<ProgrammePeriod> periods() {
        CurrentUsers.require();
        return catalogue.periods();
    }

    @PostMapping("/programme/periods")
    @ResponseStatus(HttpStatus.CREATED)
    ProgrammePeriod addPeriod(@RequestBody ProgrammePeriod period) {
        return catalogue.addPeriod(period, CurrentUsers.require());
    }

    @GetMapping("/programme/items")
    List<ProgrammeItem> items(@RequestParam String period) {
        CurrentUsers.require();
        catalogue.period(period);
        return catalogue.items(period);
    }

    @PostMapping("/programme/items")
    @ResponseStatus(HttpStatus.CREATED)
    ProgrammeItem addItem(@RequestBody ProgrammeCatalogue.NewItem item) {
        return catalogue.addItem(item, CurrentUsers.require());
    }

    /** A budget line as the API reads and writes it: source code and the four stages, million VND. */
    record LineView(long itemId, String source, BigDecimal need, BigDecimal allocated, BigDecimal disbursed, BigDecimal settled) {
        static LineView of(BudgetLine l) {
            return new LineView(l.itemId(), l.source().code(), l.amounts().need(), l.amounts().allocated(),
                    l.amounts().disbursed(), l.amounts().settled());
        }

        BudgetLine toLine() {
            return new BudgetLine(itemId, FundingSource.ofCode(source).orElse(null),
                    new StageAmounts(zero(need), zero(allocated), zero(disbursed), zero(settled)));
        }

        private static BigDecimal zero(BigDecimal v) {
            return v == null ? BigDecimal.ZERO : v;
        }
    }

    /** The unit's own lines of the year and period; the {@code ETag} is the version of its lines of the year. */
    @GetMapping("/budget/lines")
    ResponseEntity<List<LineView>> budgetLines(@RequestParam long unit, @RequestParam int year, @RequestParam String period) {
        CurrentUser user = CurrentUsers.require();
        List<LineView> body = lines.ownLines(unit, year, period, user).stream().map(LineView::of).toList();
        return ResponseEntity.ok().eTag(lines.gridVersion(unit, year, user)).body(body);
    }

    /**
     * Saves the given lines of the unit's year (a line of all zeros removes it), from the lines as read: the version
     * ({@code ETag} of the GET) in {@code If-Match} or {@code version} is required; lines changed since are refused.
     */
    @PutMapping("/budget/lines")
    ResponseEntity<List<LineView>> saveLines(@RequestParam long unit, @RequestParam int year,
                                             @RequestParam(required = false) String version,
                                             @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                             @RequestBody List<LineView> body) {
        CurrentUser user = CurrentUsers.require();
        lines.saveLines(unit, year, body.stream().map(LineView::toLine).toList(), version != null ? version : ifMatch, user);
        List<LineView> all = new ArrayList<>();
        catalogue.periods().forEach(p -> lines.ownLines(unit, year, p.code(), user).forEach(l -> all.add(LineView.of(l))));
        return ResponseEntity.ok().eTag(lines.gridVersion(unit, year, user)).body(all);
    }

    /** A row of the cost table: amounts by printed column, the central split and the disbursement rate. */
    record CostRowView(String level, String code, String item, String leadAgency, Map<String, BigDecimal> amounts,
                       BigDecimal disbursementRate) {
    }

    record CostTableView(String unit, int year, String period, String stage, List<CostRowView> rows, List<Finding> findings) {
    }

    @GetMapping("/budget/cost-table")
    CostTableView costTable(@RequestParam(required = false) Long unit, @RequestParam int year, @RequestParam String period,
                            @RequestParam(defaultValue = "allocated") String stage) {
        BudgetStage s = BudgetStage.ofCode(stage).orElseThrow(() -> new InvalidProgrammeException(
                ProgrammeProblem.of("stage", "programme.problem.stage", stage)));
        CostView view = lines.costView(unit, year, period, s, CurrentUsers.require());
        List<CostRowView> rows = new ArrayList<>();
        for (int i = 0; i < view.rows().size(); i++) {
            CostTable.Row r = view.rows().get(i);
            Map<String, BigDecimal> amounts = new LinkedHashMap<>();
            for (BudgetColumn c : BudgetColumn.values()) {
                amounts.put(c.header(), r.column(c));
            }
            amounts.put(FundingSource.CENTRAL_INVESTMENT.code(), r.amount(FundingSource.CENTRAL_INVESTMENT));
            amounts.put(FundingSource.CENTRAL_RECURRENT.code(), r.amount(FundingSource.CENTRAL_RECURRENT));
            rows.add(new CostRowView(r.level().name().toLowerCase(), r.code(), r.item(), r.leadAgency(), amounts,
                    view.disbursementRate(i).orElse(null)));
        }
        return new CostTableView(view.unitName(), year, period, s.code(), rows, view.check().findings());
    }

    @PostMapping("/budget/import")
    BudgetImport.Result importBudget(@RequestParam long unit, @RequestParam int year, @RequestParam String period,
                                     @RequestParam String stage, @RequestParam("file") MultipartFile file) {
        BudgetStage s = BudgetStage.ofCode(stage).orElseThrow(() -> new InvalidProgrammeException(
                ProgrammeProblem.of("stage", "programme.problem.stage", stage)));
        return budgetImport.importTable(unit, year, period, s, ProgrammeWeb.readUpload(file), CurrentUsers.require());
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
