package vn.giamngheo.report.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.giamngheo.format.Formats;

/**
 * Lines over the years, one per series (poor: solid with circles; near-poor: dashed with squares), values written
 * at the points when they fit between their neighbours. A year without data ({@code values} null) is a grey band
 * saying {@code noData} and breaks the lines, never a zero point. Year labels never overlap: written across when
 * they fit, upright (rotated) when not, else every k-th.
 */
public record LineChart(String title, List<String> series, List<Point> points, Values values, String noData)
        implements Chart {

    static final double PLOT = 220;
    static final String[] DASHES = {null, "7 4", "2 3", "9 3 2 3"};

    public LineChart {
        series = List.copyOf(series);
        points = List.copyOf(points);
        Objects.requireNonNull(values);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a chart needs at least one series");
        }
        for (Point p : points) {
            if (p.values() != null && p.values().size() != series.size()) {
                throw new IllegalArgumentException("point '" + p.label() + "' has " + p.values().size()
                        + " values for " + series.size() + " series");
            }
        }
    }

    /** A point of the axis (a year) and its value per series (null list: no data that year). */
    public record Point(String label, List<Double> values) {
        public Point {
            values = values == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(values));
        }

        boolean hasData() {
            return values != null && values.stream().anyMatch(Objects::nonNull);
        }
    }

    /** How the axis labels are written. */
    public enum Labels { ACROSS, UPRIGHT, EVERY_KTH }

    /** The way the axis labels of {@code count} labels at most {@code widest} wide fit a step of {@code step}. */
    static Labels labels(double widest, double step) {
        if (widest + 6 <= step) {
            return Labels.ACROSS;
        }
        return TextMetrics.height(Frame.LABEL) + 3 <= step ? Labels.UPRIGHT : Labels.EVERY_KTH;
    }

    public Drawing draw(Formats f) {
        double width = Frame.WIDTH;
        List<Drawing.Mark> marks = new ArrayList<>();
        double top = Frame.title(marks, title, width);
        boolean gaps = points.stream().anyMatch(p -> !p.hasData());
        List<Frame.Key> keys = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            keys.add(new Frame.Key(series.get(s), Palette.series(s), dash(s), s % 2 == 1, Frame.Key.Kind.LINE));
        }
        if (gaps) {
            keys.add(new Frame.Key(noData, null, null, false, Frame.Key.Kind.NO_DATA));
        }
        top = Frame.legend(marks, keys, top, width) + Frame.GAP;
        double max = 0;
        double valueWidth = 0;
        double widestLabel = 0;
        for (Point p : points) {
            widestLabel = Math.max(widestLabel, TextMetrics.width(p.label(), Frame.LABEL, false));
            if (p.values() != null) {
                for (Double v : p.values()) {
                    if (v != null) {
                        max = Math.max(max, v);
                        valueWidth = Math.max(valueWidth, TextMetrics.width(values.value(f, v), Frame.SMALL, false));
                    }
                }
            }
        }
        double small = TextMetrics.height(Frame.SMALL);
        double lineHeight = TextMetrics.height(Frame.LABEL);
        // the vertical axis: round steps whose labels stand apart
        double plotTop = top + small + 8;
        double plotBottom = plotTop + PLOT;
        double step = values.minimumStep();
        double axisMax = step;
        for (int count = 5; count >= 1; count--) {
            step = Math.max(values.minimumStep(), Frame.step(max, count));
            axisMax = Math.max(step, Math.ceil(max / step - 1e-9) * step);
            if (PLOT * step / axisMax >= lineHeight + 6 || count == 1) {
                break;
            }
        }
        double tickWidth = 0;
        for (double t = 0; t <= axisMax + step / 2; t += step) {
            tickWidth = Math.max(tickWidth, TextMetrics.width(values.tick(f, t), Frame.SMALL, false));
        }
        double left = Frame.PAD + tickWidth + 6;
        double right = width - Frame.PAD;
        int n = Math.max(1, points.size());
        double xStep = (right - left) / n;
        double scale = PLOT / axisMax;
        double smallMiddle = (TextMetrics.ascent(Frame.SMALL) - TextMetrics.descent(Frame.SMALL)) / 2;
        // the frame below the marks: no-data bands, grid, axes
        for (int i = 0; i < points.size(); i++) {
            if (!points.get(i).hasData()) {
                double x = left + (i + 0.5) * xStep;
                marks.add(new Drawing.Rect(x - xStep / 2 + 1, plotTop - small - 6, xStep - 2, plotBottom - plotTop + small + 6,
                        Palette.NO_DATA, null, points.get(i).label() + ": " + noData));
            }
        }
        for (double t = 0; t <= axisMax + step / 2; t += step) {
            double y = plotBottom - t * scale;
            marks.add(new Drawing.Line(left, y, right, y, t == 0 ? Palette.TEXT : Palette.GRID, 1, null));
            marks.add(new Drawing.Text(left - 6, y + smallMiddle, values.tick(f, t), Frame.SMALL, false, Drawing.Anchor.END,
                    0, Palette.MUTED, null));
        }
        marks.add(new Drawing.Line(left, plotTop - small - 6, left, plotBottom, Palette.TEXT, 1, null));
        // values at the points when they fit between neighbours: the higher value above, the lower below
        boolean valuesShown = valueWidth + 6 <= xStep;
        List<List<double[]>> lines = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            lines.add(new ArrayList<>());
        }
        List<Drawing.Mark> dots = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double x = left + (i + 0.5) * xStep;
            if (!p.hasData()) {
                lines.forEach(l -> l.add(null));
                String text = noData;
                double ascent = TextMetrics.ascent(Frame.SMALL);
                if (small + 3 <= xStep && TextMetrics.width(text, Frame.SMALL, false) <= PLOT - 8) {
                    marks.add(new Drawing.Text(x + (ascent - TextMetrics.descent(Frame.SMALL)) / 2, plotBottom - 4, text,
                            Frame.SMALL, false, Drawing.Anchor.START, -90, Palette.MUTED, null));
                }
                continue;
            }
            int highest = -1;
            int lowest = -1;
            for (int s = 0; s < series.size(); s++) {
                Double v = p.values().get(s);
                if (v == null) {
                    lines.get(s).add(null);
                    continue;
                }
                double y = plotBottom - v * scale;
                lines.get(s).add(new double[] {x, y});
                dots.add(new Drawing.Dot(x, y, s % 2 == 1, Palette.series(s),
                        p.label() + " — " + series.get(s) + ": " + values.value(f, v)));
                if (highest < 0 || v > p.values().get(highest)) {
                    highest = s;
                }
                if (lowest < 0 || v <= p.values().get(lowest)) {
                    lowest = s;
                }
            }
            if (valuesShown && highest >= 0) {
                double hy = plotBottom - p.values().get(highest) * scale;
                marks.add(new Drawing.Text(x, hy - 7 - TextMetrics.descent(Frame.SMALL), values.value(f, p.values().get(highest)),
                        Frame.SMALL, false, Drawing.Anchor.MIDDLE, 0, Palette.series(highest), null));
                if (lowest != highest) {
                    double ly = plotBottom - p.values().get(lowest) * scale;
                    marks.add(new Drawing.Text(x, ly + 7 + TextMetrics.ascent(Frame.SMALL),
                            values.value(f, p.values().get(lowest)), Frame.SMALL, false, Drawing.Anchor.MIDDLE, 0,
                            Palette.series(lowest), null));
                }
            }
        }
        for (int s = 0; s < series.size(); s++) {
            marks.add(new Drawing.Path(lines.get(s), Palette.series(s), 2.5, dash(s)));
        }
        marks.addAll(dots);
        // the year labels: across, upright or every k-th, by their measured widths
        double labelsTop = plotBottom + small + 10;
        Labels mode = labels(widestLabel, xStep);
        int every = mode == Labels.EVERY_KTH ? (int) Math.ceil((widestLabel + 6) / xStep) : 1;
        double bottom = labelsTop;
        for (int i = 0; i < points.size(); i += every) {
            double x = left + (i + 0.5) * xStep;
            String label = points.get(i).label();
            if (mode == Labels.UPRIGHT) {
                marks.add(new Drawing.Text(x + (TextMetrics.ascent(Frame.LABEL) - TextMetrics.descent(Frame.LABEL)) / 2,
                        labelsTop, label, Frame.LABEL, false, Drawing.Anchor.END, -90, Palette.TEXT, null));
                bottom = Math.max(bottom, labelsTop + TextMetrics.width(label, Frame.LABEL, false));
            } else {
                marks.add(new Drawing.Text(x, labelsTop + TextMetrics.ascent(Frame.LABEL), label, Frame.LABEL, false,
                        Drawing.Anchor.MIDDLE, 0, Palette.TEXT, null));
                bottom = Math.max(bottom, labelsTop + lineHeight);
            }
        }
        if (points.isEmpty()) {
            marks.add(new Drawing.Text((left + right) / 2, plotTop + PLOT / 2, noData, Frame.LABEL, false,
                    Drawing.Anchor.MIDDLE, 0, Palette.MUTED, null));
        }
        return new Drawing(width, bottom + Frame.PAD, title, description(f), marks);
    }

    private static String dash(int s) {
        return DASHES[s % DASHES.length];
    }

    /** Every value in words, for screen readers. */
    private String description(Formats f) {
        List<String> parts = new ArrayList<>();
        for (Point p : points) {
            if (!p.hasData()) {
                parts.add(p.label() + ": " + noData);
                continue;
            }
            List<String> v = new ArrayList<>();
            for (int s = 0; s < series.size(); s++) {
                if (p.values().get(s) != null) {
                    v.add(series.get(s) + " " + values.value(f, p.values().get(s)));
                }
            }
            parts.add(p.label() + ": " + String.join(", ", v));
        }
        return title + ". " + (parts.isEmpty() ? noData : String.join("; ", parts)) + ".";
    }
}
