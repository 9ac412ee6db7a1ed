package vn.giamngheo.report.chart;

import java.util.ArrayList;
import java.util.List;

/** What every chart has above its plot: the title (wrapped to the width) and the legend (wrapped in rows). */
final class Frame {

    static final double WIDTH = 760;
    static final double PAD = 12;
    static final double TITLE = 14;
    static final double LABEL = 12;
    static final double SMALL = 11;
    static final double GAP = 4;

    private Frame() {
    }

    /** A legend entry: a bar swatch, a line sample (with its dash and marker) or a no-data band. */
    record Key(String label, String colour, String dash, boolean square, Kind kind) {
        enum Kind { BAR, LINE, NO_DATA }
    }

    /** Writes the title's lines from the top; returns the y below them. */
    static double title(List<Drawing.Mark> marks, String title, double width) {
        double y = PAD;
        for (String line : wrap(title, TITLE, true, width - 2 * PAD)) {
            y += TextMetrics.ascent(TITLE);
            marks.add(new Drawing.Text(width / 2, y, line, TITLE, true, Drawing.Anchor.MIDDLE, 0, Palette.TEXT, null));
            y += TextMetrics.descent(TITLE) + 2;
        }
        return y + GAP;
    }

    /** Writes the legend's entries left to right, in rows; returns the y below them. */
    static double legend(List<Drawing.Mark> marks, List<Key> keys, double top, double width) {
        double rowHeight = TextMetrics.height(LABEL) + GAP;
        double x = PAD;
        double y = top;
        for (Key k : keys) {
            double w = 30 + TextMetrics.width(k.label(), LABEL, false);
            if (x > PAD && x + w > width - PAD) {
                x = PAD;
                y += rowHeight;
            }
            double mid = y + rowHeight / 2;
            switch (k.kind()) {
                case BAR -> marks.add(new Drawing.Rect(x, mid - 5, 20, 10, k.colour(), null, null));
                case NO_DATA -> marks.add(new Drawing.Rect(x, mid - 6, 20, 12, Palette.NO_DATA, Palette.MUTED, null));
                case LINE -> {
                    marks.add(new Drawing.Line(x, mid, x + 20, mid, k.colour(), 2.5, k.dash()));
                    marks.add(new Drawing.Dot(x + 10, mid, k.square(), k.colour(), null));
                }
            }
            double baseline = mid + (TextMetrics.ascent(LABEL) - TextMetrics.descent(LABEL)) / 2;
            marks.add(new Drawing.Text(x + 26, baseline, k.label(), LABEL, false, Drawing.Anchor.START, 0, Palette.TEXT,
                    null));
            x += w + 14;
        }
        return keys.isEmpty() ? top : y + rowHeight + GAP;
    }

    /** The words of a text in lines no wider than {@code width} (a word longer than the width is cut with "…"). */
    static List<String> wrap(String text, double size, boolean bold, double width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : (text == null ? "" : text).split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (TextMetrics.width(candidate, size, bold) <= width || line.isEmpty()) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines.stream().map(l -> TextMetrics.fit(l, size, bold, width)).toList();
    }

    /** Round steps for an axis from 0 to at least {@code max}: 1, 2 or 5 times a power of ten, at most {@code count} steps. */
    static double step(double max, int count) {
        if (max <= 0) {
            return 1;
        }
        double raw = max / Math.max(1, count);
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= raw) {
                return m * power;
            }
        }
        return 10 * power;
    }
}
