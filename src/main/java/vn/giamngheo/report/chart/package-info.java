/**
 * Charts drawn on the server, without JavaScript (docs/adr/0011-charts.md): a chart is described
 * ({@link vn.giamngheo.report.chart.BarChart}, {@link vn.giamngheo.report.chart.LineChart}), laid out once into a
 * {@link vn.giamngheo.report.chart.Drawing} whose text boxes are measured with the bundled DejaVu Sans, and that
 * drawing is written as SVG (pages, downloads) or painted as PNG (downloads). Plain Java (java.awt for metrics and
 * PNG only).
 */
package vn.giamngheo.report.chart;
