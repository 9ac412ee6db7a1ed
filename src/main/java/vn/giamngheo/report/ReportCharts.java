package vn.giamngheo.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.giamngheo.format.Formats;
import vn.giamngheo.report.chart.BarChart;
import vn.giamngheo.report.chart.Chart;
import vn.giamngheo.report.chart.Drawing;
import vn.giamngheo.report.chart.LineChart;
import vn.giamngheo.report.chart.Svg;
import vn.giamngheo.report.chart.Values;
import vn.giamngheo.report.rules.CodeTally;
import vn.giamngheo.report.rules.Coverage;
import vn.giamngheo.report.rules.Counts;
import vn.giamngheo.report.rules.RateBands;
import vn.giamngheo.report.rules.Results;
import vn.giamngheo.report.rules.Shares;

/**
 * The chart beside each report table (the same order as {@link ReportTables#tables}): rates by unit, deprivations
 * by indicator and by dimension, causes, communes by band, the trend; and the dashboard's two. Figures the tables
 * say "no data" for are "no data" in the charts too (a unit or a year without a recognised list), never a zero.
 */
@Component
class ReportCharts {

    /** A chart ready for a page: the id of its element and its SVG. */
    record View(String id, String svg) {
    }

    private final MessageSource messages;
    private final ReportTables tables;

    ReportCharts(MessageSource messages, ReportTables tables) {
        this.messages = messages;
        this.tables = tables;
    }

    /** One chart per table of the report, in the tables' order. */
    List<Chart> forReport(ReportSet set, Locale locale) {
        Formats f = Formats.of(locale);
        ReportContext ctx = set.context();
        String unit = ctx.national() ? label("report.country", locale) : ctx.unitName();
        String year = f.year(ctx.year());
        return switch (set.kind()) {
            case RESULTS -> List.of(rates(set, label("report.chart.rates", locale, unit, year), locale));
            case DEPRIVATIONS -> List.of(
                    codes(set.indicators(), set.coverage(), label("report.chart.indicators", locale, unit, year),
                            "classification.indicator.", locale),
                    codes(set.dimensions(), set.coverage(), label("report.chart.dimensions", locale, unit, year),
                            "analysis.dimension.", locale));
            case CAUSES -> List.of(codes(set.causes(), set.coverage(), label("report.chart.causes", locale, unit, year),
                    "cause.", locale));
            case BANDS -> List.of(bands(set, label("report.chart.bands", locale, unit, year), locale));
            case TRENDS -> List.of(trend(set, label("report.chart.trend", locale, unit), locale));
            case PEOPLE, CREDIT -> List.of();
        };
    }

    /** The dashboard's rates by unit. */
    Chart dashboardRates(ReportSet set, Locale locale) {
        return rates(set, label("report.dashboard.ratesChart", locale, Formats.of(locale).year(set.context().year())),
                locale);
    }

    /** The dashboard's trend. */
    Chart dashboardTrend(ReportSet set, Locale locale) {
        return trend(set, label("report.dashboard.trendChart", locale), locale);
    }

    /** A chart for a page: {@code id} names its element (and the ids inside its SVG). */
    View view(Chart chart, String id, Locale locale) {
        return new View(id, Svg.of(chart.draw(Formats.of(locale)), id));
    }

    Drawing drawing(Chart chart, Locale locale) {
        return chart.draw(Formats.of(locale));
    }

    /** Poor and near-poor rates of each row's unit, largest first; a unit without a recognised list says "no data". */
    private Chart rates(ReportSet set, String title, Locale locale) {
        Results r = set.results();
        Coverage coverage = set.coverage();
        List<BarChart.Category> categories = new ArrayList<>();
        for (Results.Row row : r.rows()) {
            boolean known = row.key().unit() == null ? coverage.hasData() : coverage.hasData(row.key().unit());
            Counts c = row.all();
            categories.add(new BarChart.Category(tables.rowName(row.key(), k -> label(k, locale)),
                    known ? Arrays.asList(c.poorRate(), c.nearPoorRate()) : null));
        }
        return new BarChart(title, poorAndNear(locale), categories, Values.SHARE, true, label("report.noData", locale));
    }

    /** Shares of the poor and near-poor lists per code, in the table's order, each code in words. */
    private Chart codes(CodeTally t, Coverage coverage, String title, String prefix, Locale locale) {
        List<BarChart.Category> categories = new ArrayList<>();
        for (CodeTally.Line l : t.lines()) {
            categories.add(new BarChart.Category(messages.getMessage(prefix + l.code(), null, l.code(), locale),
                    coverage.hasData() ? Arrays.asList(Shares.of(l.poor(), t.poor()), Shares.of(l.nearPoor(), t.nearPoor()))
                            : null));
        }
        return new BarChart(title, poorAndNear(locale), categories, Values.SHARE, false, label("report.noData", locale));
    }

    private Chart bands(ReportSet set, String title, Locale locale) {
        List<BarChart.Category> categories = new ArrayList<>();
        for (RateBands.Band b : set.bands()) {
            categories.add(new BarChart.Category(b.label(),
                    set.coverage().hasData() ? List.of((double) b.communes()) : null));
        }
        return new BarChart(title, List.of(label("report.col.communes", locale)), categories, Values.COUNT, false,
                label("report.noData", locale));
    }

    private Chart trend(ReportSet set, String title, Locale locale) {
        Formats f = Formats.of(locale);
        List<LineChart.Point> points = new ArrayList<>();
        for (ReportSet.TrendYear y : set.trend()) {
            points.add(new LineChart.Point(f.year(y.year()),
                    y.hasData() ? Arrays.asList(y.counts().poorRate(), y.counts().nearPoorRate()) : null));
        }
        return new LineChart(title, poorAndNear(locale), points, Values.SHARE, label("report.noData", locale));
    }

    private List<String> poorAndNear(Locale locale) {
        return List.of(label("report.dashboard.poor", locale), label("report.dashboard.nearPoor", locale));
    }

    private String label(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
