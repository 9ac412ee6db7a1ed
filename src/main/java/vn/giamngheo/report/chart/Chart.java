package vn.giamngheo.report.chart;

import vn.giamngheo.format.Formats;

/** A chart described in words and values, laid out for a reader's conventions. */
public sealed interface Chart permits BarChart, LineChart {

    String title();

    Drawing draw(Formats formats);
}
