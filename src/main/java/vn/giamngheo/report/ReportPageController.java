package vn.giamngheo.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import vn.giamngheo.audit.AuditLog;
import vn.giamngheo.document.Signature;
import vn.giamngheo.report.rules.Coverage;
import vn.giamngheo.report.view.ReportTable;
import vn.giamngheo.report.rules.Results;
import vn.giamngheo.report.rules.Unit;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/** The report pages ({@code /reports}), their downloads ({@code /reports/export}) and the dashboard ({@code /dashboard}). */
@Controller
class ReportPageController {

    static final String PAGE = "reports/index";
    static final String DASHBOARD = "reports/dashboard";

    private final ReportService reports;
    private final ReportTables tables;
    private final ReportExports exports;
    private final DashboardExtras extras;
    private final ReportCharts charts;

    ReportPageController(ReportService reports, ReportTables tables, ReportExports exports, DashboardExtras extras,
                         ReportCharts charts) {
        this.reports = reports;
        this.tables = tables;
        this.exports = exports;
        this.extras = extras;
        this.charts = charts;
    }

    @GetMapping("/reports")
    String page(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) String boundaries, @RequestParam(required = false) String report,
                @RequestParam(required = false) String group, @RequestParam(required = false) String areaClass,
                @RequestParam(required = false) boolean byClass,
                Model model, Locale locale, jakarta.servlet.http.HttpServletRequest request) {
        CurrentUser user = CurrentUsers.require();
        ReportKind kind = ReportKind.parse(report);
        ReportContext ctx = reports.context(unit, year, boundaries, group, areaClass, byClass, user);
        groups(model, ctx);
        ReportSet set = reports.compute(ctx, kind);
        model.addAttribute("ctx", ctx);
        model.addAttribute("kind", kind.code());
        model.addAttribute("kinds", java.util.Arrays.stream(ReportKind.values()).map(ReportKind::code).toList());
        model.addAttribute("years", years(reports.today().getYear()));
        model.addAttribute("trail", ctx.trail());
        boolean drillable = kind == ReportKind.RESULTS && (ctx.unit() == null || !Unit.VILLAGE.equals(ctx.unit().level()));
        // the same link for every row but the unit: built once (a URI builder per row was a quarter of the page's time)
        String rest = UriComponentsBuilder.newInstance().queryParam("year", ctx.year())
                .queryParam("boundaries", ctx.boundaries().code()).queryParam("report", kind.code()).build().encode().getQuery()
                + groupParam(ctx);
        String prefix = request.getContextPath() + "/reports?unit=";
        PageTable.DrillLinks links = drillable ? unitId -> prefix + unitId + "&" + rest : PageTable.DrillLinks.NONE;
        String drillTitle = tables.label("report.drill", locale);
        model.addAttribute("tables", tables.tables(set, locale).stream()
                .map(t -> PageTable.of(t, locale, links, drillTitle)).toList());
        // the chart beside each table, same order (ReportCharts)
        List<vn.giamngheo.report.chart.Chart> chartList = charts.forReport(set, locale);
        List<ReportCharts.View> views = new ArrayList<>();
        for (int i = 0; i < chartList.size(); i++) {
            views.add(charts.view(chartList.get(i), "chart-" + kind.code() + "-" + i, locale));
        }
        model.addAttribute("charts", views);
        model.addAttribute("national", user.scope().national());
        model.addAttribute("basis", tables.basis(set, locale));
        model.addAttribute("coverage", set.coverage());
        model.addAttribute("coverageNotes", tables.coverageNotes(set, locale));
        model.addAttribute("formedFrom", ctx.roots().stream().map(Unit::name).collect(java.util.stream.Collectors.joining(", ")));
        return PAGE;
    }

    @GetMapping("/reports/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year,
                                  @RequestParam(required = false) String boundaries,
                                  @RequestParam(required = false) String report, @RequestParam String format,
                                  @RequestParam(required = false) String group, @RequestParam(required = false) String areaClass,
                                  @RequestParam(required = false) boolean byClass, Locale locale) {
        CurrentUser user = CurrentUsers.require();
        return exports.export(reports.context(unit, year, boundaries, group, areaClass, byClass, user),
                ReportKind.parse(report), format, locale);
    }

    @GetMapping("/dashboard")
    String dashboard(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year,
                     @RequestParam(required = false) String group, @RequestParam(required = false) String areaClass,
                     Model model, Locale locale) {
        CurrentUser user = CurrentUsers.require();
        ReportContext ctx = reports.context(unit, year, "today", group, areaClass, false, user);
        groups(model, ctx);
        ReportSet trend = reports.compute(ctx, ReportKind.TRENDS);
        Results r = trend.results();
        model.addAttribute("ctx", ctx);
        model.addAttribute("total", r.total().all());
        model.addAttribute("trail", ctx.trail());
        Coverage coverage = trend.coverage();
        model.addAttribute("coverage", coverage);
        model.addAttribute("basis", tables.basis(trend, locale));
        model.addAttribute("coverageNotes", tables.coverageNotes(trend, locale));
        model.addAttribute("ratesChart", charts.view(charts.dashboardRates(trend, locale), "rates-chart-svg", locale));
        model.addAttribute("trendChart", charts.view(charts.dashboardTrend(trend, locale), "trend-chart-svg", locale));
        model.addAttribute("overdue", extras.overdue(ctx, user));
        model.addAttribute("years", years(reports.today().getYear()));
        return DASHBOARD;
    }

    /** The group selector: every group, the one shown, and the query text that carries it in links (empty for all). */
    private void groups(Model model, ReportContext ctx) {
        model.addAttribute("areaClasses", reports.areaClassCatalogue());
        model.addAttribute("groups", List.of(vn.giamngheo.population.PopulationGroup.values()));
        model.addAttribute("group", ctx.group().code());
        model.addAttribute("groupParam", groupParam(ctx));
        model.addAttribute("areaClass", ctx.areaClass() == null ? "" : ctx.areaClass());
        model.addAttribute("areaClassName", ctx.areaClass() == null ? "" : reports.areaClassCatalogue().stream()
                .filter(c -> c.code().equals(ctx.areaClass())).map(c -> c.name(org.springframework.context.i18n
                        .LocaleContextHolder.getLocale())).findFirst().orElse(ctx.areaClass()));
        model.addAttribute("byClass", ctx.byClass());
    }

    /** {@code &group=<code>} for a population group, nothing for every household (today's links unchanged). */
    static String groupParam(ReportContext ctx) {
        return (ctx.group() == vn.giamngheo.population.PopulationGroup.ALL ? "" : "&group=" + ctx.group().code())
                + (ctx.areaClass() == null ? "" : "&areaClass=" + ctx.areaClass())
                + (ctx.byClass() ? "&byClass=true" : "");
    }

    static List<Integer> years(int current) {
        List<Integer> years = new ArrayList<>();
        for (int y = current + 1; y >= 2016; y--) {
            years.add(y);
        }
        return years;
    }
}
