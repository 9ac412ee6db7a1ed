package vn.giamngheo.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import vn.giamngheo.format.Formats;
import vn.giamngheo.report.chart.LineChart;
import vn.giamngheo.report.chart.Svg;
import vn.giamngheo.report.chart.Values;

/**
 * The trajectory chart of a goal (the goal's rate and the actual rate at the end of each year), drawn by the
 * reports' line chart as an SVG element for pages: a year without an actual rate breaks the actual line, never a
 * zero point. Rates in percent.
 */
public final class TrajectoryChart {

    /** A year: the rate the goal allows and the actual rate (either null when unknown), in percent. */
    public record Year(int year, Double goalRate, Double actualRate) {
    }

    private TrajectoryChart() {
    }

    /** The SVG element of the chart; {@code id} makes its ids unique on the page. */
    public static String svg(String title, String goalLabel, String actualLabel, String noData, List<Year> years,
                             Locale locale, String id) {
        Formats f = Formats.of(locale);
        List<LineChart.Point> points = new ArrayList<>();
        for (Year y : years) {
            boolean none = y.goalRate() == null && y.actualRate() == null;
            points.add(new LineChart.Point(f.year(y.year()), none ? null
                    : Arrays.asList(share(y.goalRate()), share(y.actualRate()))));
        }
        LineChart chart = new LineChart(title, List.of(goalLabel, actualLabel), points, Values.SHARE, noData);
        return Svg.of(chart.draw(f), id);
    }

    private static Double share(Double percent) {
        return percent == null ? null : percent / 100.0;
    }
}
