package vn.giamngheo.report;

import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.giamngheo.audit.AuditLog;
import vn.giamngheo.report.chart.Chart;
import vn.giamngheo.report.chart.Drawing;
import vn.giamngheo.report.chart.Png;
import vn.giamngheo.report.chart.Svg;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/**
 * The charts as files, under the paths of their pages: {@code /reports/chart} (the chart of a report's table, by
 * its index) and {@code /dashboard/chart} ({@code rates} or {@code trend}), as SVG or PNG. The report's context is
 * resolved as for the page, so the same area checks apply (a unit outside the user's area is not found); every
 * download is written to the audit log as the report's files are ({@code EXPORT}, entity {@code report}).
 */
@Controller
class ReportChartController {

    private final ReportService reports;
    private final ReportCharts charts;
    private final AuditLog audit;

    ReportChartController(ReportService reports, ReportCharts charts, AuditLog audit) {
        this.reports = reports;
        this.charts = charts;
        this.audit = audit;
    }

    @GetMapping("/reports/chart")
    ResponseEntity<byte[]> reportChart(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year,
                                       @RequestParam(required = false) String boundaries,
                                       @RequestParam(required = false) String report,
                                       @RequestParam(defaultValue = "0") int table, @RequestParam String format,
                                       @RequestParam(required = false) String group,
                                       @RequestParam(required = false) String areaClass,
                                       @RequestParam(required = false) boolean byClass, Locale locale) {
        CurrentUser user = CurrentUsers.require();
        Format f = Format.parse(format);
        ReportKind kind = ReportKind.parse(report);
        ReportContext ctx = reports.context(unit, year, boundaries, group, areaClass, byClass, user);
        List<Chart> list = charts.forReport(reports.compute(ctx, kind), locale);
        if (table < 0 || table >= list.size()) {
            throw new InvalidReportException("table must be between 0 and " + (list.size() - 1) + " for the report "
                    + kind.code() + ", not " + table);
        }
        audit(ctx, kind.code(), "chart " + (table + 1) + " " + f.name());
        return file(charts.drawing(list.get(table), locale), f,
                "bieu-do-" + kind.code() + "-" + name(ctx) + "-" + ctx.year() + "-" + (table + 1));
    }

    @GetMapping("/dashboard/chart")
    ResponseEntity<byte[]> dashboardChart(@RequestParam(required = false) Long unit,
                                          @RequestParam(required = false) Integer year, @RequestParam String chart,
                                          @RequestParam String format, @RequestParam(required = false) String group,
                                          @RequestParam(required = false) String areaClass, Locale locale) {
        CurrentUser user = CurrentUsers.require();
        Format f = Format.parse(format);
        if (!"rates".equals(chart) && !"trend".equals(chart)) {
            throw new InvalidReportException("chart must be rates or trend, not '" + chart + "'");
        }
        ReportContext ctx = reports.context(unit, year, "today", group, areaClass, false, user);
        ReportSet set = reports.compute(ctx, ReportKind.TRENDS);
        Chart c = "rates".equals(chart) ? charts.dashboardRates(set, locale) : charts.dashboardTrend(set, locale);
        audit(ctx, "dashboard", "chart " + chart + " " + f.name());
        return file(charts.drawing(c, locale), f, "bieu-do-tong-quan-" + chart + "-" + name(ctx) + "-" + ctx.year());
    }

    private void audit(ReportContext ctx, String what, String detail) {
        audit.record("EXPORT", "report", what + "/" + name(ctx) + "/" + ctx.year() + "/" + ctx.boundaries().code(),
                ctx.provinceCode(), detail);
    }

    private static String name(ReportContext ctx) {
        return ctx.national() ? "VN" : ctx.unit().code();
    }

    private static ResponseEntity<byte[]> file(Drawing d, Format format, String name) {
        byte[] body = format == Format.SVG ? Svg.file(d, "chart") : Png.of(d);
        return ResponseEntity.ok()
                .contentType(format == Format.SVG ? MediaType.valueOf("image/svg+xml;charset=UTF-8") : MediaType.IMAGE_PNG)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name.replaceAll("[^A-Za-z0-9._-]", "-") + "." + format.extension).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(body);
    }

    enum Format {
        SVG("svg"), PNG("png");

        final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        static Format parse(String text) {
            for (Format f : values()) {
                if (f.extension.equalsIgnoreCase(text == null ? "" : text.strip())) {
                    return f;
                }
            }
            throw new InvalidReportException("format must be svg or png, not '" + text + "'");
        }
    }
}
