package vn.giamngheo.report.chart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import vn.giamngheo.format.Formats;

/**
 * Horizontal bars, one group per category (a unit, an indicator, a cause, a band) and one bar per series (poor,
 * near-poor), each value written beside its bar. A category without data ({@code values} null) says
 * {@code noData} in words where its bars would be, never a zero bar. {@code sorted}: largest first by the first
 * series, categories without data last.
 */
public record BarChart(String title, List<String> series, List<Category> categories, Values values, boolean sorted,
                       String noData) implements Chart {

    static final double BAR = 13;
    static final double BAR_GAP = 2;
    static final double GROUP_GAP = 8;
    /** The unit names' column takes at most this share of the width; longer names are cut with "…" (full on hover). */
    static final double LABEL_SHARE = 0.36;

    public BarChart {
        series = List.copyOf(series);
        categories = List.copyOf(categories);
        Objects.requireNonNull(values);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a chart needs at least one series");
        }
        for (Category c : categories) {
            if (c.values() != null && c.values().size() != series.size()) {
                throw new IllegalArgumentException("category '" + c.label() + "' has " + c.values().size()
                        + " values for " + series.size() + " series");
            }
        }
    }

    /** A category and its value per series (null list: no data; a null value: no bar for that series). */
    public record Category(String label, List<Double> values) {
        public Category {
            values = values == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(values));
        }

        boolean hasData() {
            return values != null && values.stream().anyMatch(Objects::nonNull);
        }
    }

    /** The categories in the order drawn. */
    public List<Category> ordered() {
        if (!sorted) {
            return categories;
        }
        List<Category> out = new ArrayList<>(categories);
        out.sort(Comparator.comparing((Category c) -> !c.hasData())
                .thenComparing(c -> c.hasData() && c.values().get(0) != null ? -c.values().get(0) : 0.0));
        return out;
    }

    /** The chart laid out for a reader's conventions. */
    public Drawing draw(Formats f) {
        double width = Frame.WIDTH;
        List<Drawing.Mark> marks = new ArrayList<>();
        double top = Frame.title(marks, title, width);
        List<Frame.Key> keys = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            keys.add(new Frame.Key(series.get(s), Palette.series(s), null, false, Frame.Key.Kind.BAR));
        }
        top = Frame.legend(marks, keys, top, width) + Frame.GAP;
        List<Category> cats = ordered();
        double max = 0;
        double labels = 0;
        double valueWidth = 0;
        for (Category c : cats) {
            labels = Math.max(labels, TextMetrics.width(c.label(), Frame.LABEL, false));
            if (c.values() != null) {
                for (Double v : c.values()) {
                    if (v != null) {
                        max = Math.max(max, v);
                        valueWidth = Math.max(valueWidth, TextMetrics.width(values.value(f, v), Frame.SMALL, false));
                    }
                }
            }
        }
        double labelColumn = Math.min(labels, width * LABEL_SHARE);
        double barX = Frame.PAD + labelColumn + 8;
        double barWidth = width - Frame.PAD - valueWidth - 6 - barX;
        // axis: as many round steps as their labels allow side by side
        double step = values.minimumStep();
        double axisMax = step;
        for (int count = 6; count >= 1; count--) {
            step = Math.max(values.minimumStep(), Frame.step(max, count));
            axisMax = Math.max(step, Math.ceil(max / step - 1e-9) * step);
            double widest = 0;
            for (double t = 0; t <= axisMax + step / 2; t += step) {
                widest = Math.max(widest, TextMetrics.width(values.tick(f, t), Frame.SMALL, false));
            }
            if (barWidth * step / axisMax >= widest + 8 || count == 1) {
                break;
            }
        }
        double groupHeight = series.size() * (BAR + BAR_GAP) - BAR_GAP + GROUP_GAP;
        double plotBottom = top + Math.max(1, cats.size()) * groupHeight;
        double scale = barWidth / axisMax;
        for (double t = 0; t <= axisMax + step / 2; t += step) {
            double x = barX + t * scale;
            marks.add(new Drawing.Line(x, top, x, plotBottom, Palette.GRID, 1, null));
            marks.add(new Drawing.Text(x, plotBottom + 4 + TextMetrics.ascent(Frame.SMALL), values.tick(f, t), Frame.SMALL,
                    false, Drawing.Anchor.MIDDLE, 0, Palette.MUTED, null));
        }
        marks.add(new Drawing.Line(barX, top, barX, plotBottom, Palette.TEXT, 1, null));
        double middle = (TextMetrics.ascent(Frame.LABEL) - TextMetrics.descent(Frame.LABEL)) / 2;
        double smallMiddle = (TextMetrics.ascent(Frame.SMALL) - TextMetrics.descent(Frame.SMALL)) / 2;
        double y = top + GROUP_GAP / 2;
        if (cats.isEmpty()) {
            marks.add(new Drawing.Text(barX + 6, y + (groupHeight - GROUP_GAP) / 2 + smallMiddle,
                    TextMetrics.fit(noData, Frame.SMALL, false, barWidth + valueWidth), Frame.SMALL, false,
                    Drawing.Anchor.START, 0, Palette.MUTED, null));
        }
        for (Category c : cats) {
            double groupMid = y + (groupHeight - GROUP_GAP) / 2;
            String shown = TextMetrics.fit(c.label(), Frame.LABEL, false, labelColumn);
            marks.add(new Drawing.Text(barX - 6, groupMid + middle, shown, Frame.LABEL, false, Drawing.Anchor.END, 0,
                    Palette.TEXT, shown.equals(c.label()) ? null : c.label()));
            if (!c.hasData()) {
                String text = TextMetrics.fit(noData, Frame.SMALL, false, barWidth + valueWidth);
                marks.add(new Drawing.Text(barX + 6, groupMid + smallMiddle, text, Frame.SMALL, false,
                        Drawing.Anchor.START, 0, Palette.MUTED, null));
            } else {
                for (int s = 0; s < series.size(); s++) {
                    Double v = c.values().get(s);
                    double by = y + s * (BAR + BAR_GAP);
                    if (v == null) {
                        continue;
                    }
                    double w = Math.max(v * scale, v > 0 ? 1 : 0);
                    String text = values.value(f, v);
                    marks.add(new Drawing.Rect(barX, by, w, BAR, Palette.series(s), null,
                            c.label() + " — " + series.get(s) + ": " + text));
                    marks.add(new Drawing.Text(barX + w + 4, by + BAR / 2 + smallMiddle, text, Frame.SMALL, false,
                            Drawing.Anchor.START, 0, Palette.TEXT, null));
                }
            }
            y += groupHeight;
        }
        double height = plotBottom + 4 + TextMetrics.height(Frame.SMALL) + Frame.PAD;
        return new Drawing(width, height, title, description(f, cats), marks);
    }

    /** Every value in words, for screen readers. */
    private String description(Formats f, List<Category> cats) {
        List<String> parts = new ArrayList<>();
        for (Category c : cats) {
            if (!c.hasData()) {
                parts.add(c.label() + ": " + noData);
                continue;
            }
            List<String> v = new ArrayList<>();
            for (int s = 0; s < series.size(); s++) {
                if (c.values().get(s) != null) {
                    v.add(series.get(s) + " " + values.value(f, c.values().get(s)));
                }
            }
            parts.add(c.label() + ": " + String.join(", ", v));
        }
        return title + ". " + (parts.isEmpty() ? noData : String.join("; ", parts)) + ".";
    }
}
