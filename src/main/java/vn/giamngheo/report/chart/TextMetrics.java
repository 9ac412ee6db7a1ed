package vn.giamngheo.report.chart;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Text sizes from the metrics of the bundled DejaVu Sans (the font the SVG names first and the PNG paints with), so
 * that the layout knows each label's box without a browser. A small margin covers a reader's fallback font.
 */
public final class TextMetrics {

    /** Widths are taken this much larger than DejaVu's: a browser without it falls back to a similar sans font. */
    static final double MARGIN = 1.06;

    private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);
    private static final Font REGULAR = load("/fonts/DejaVuSans.ttf");
    private static final Font BOLD = load("/fonts/DejaVuSans-Bold.ttf");

    /** Widths already measured (labels repeat across charts and requests); emptied when it grows past its bound. */
    private static final java.util.Map<String, Double> WIDTHS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int CACHED = 20_000;

    private TextMetrics() {
    }

    /** The font at a size, for painting. */
    static Font font(double size, boolean bold) {
        return (bold ? BOLD : REGULAR).deriveFont((float) size);
    }

    /** The advance width of a text at a size, with the margin. */
    public static double width(String text, double size, boolean bold) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        String key = size + (bold ? "b" : "r") + text;
        Double known = WIDTHS.get(key);
        if (known != null) {
            return known;
        }
        double w = font(size, bold).getStringBounds(text, CONTEXT).getWidth() * MARGIN;
        if (WIDTHS.size() >= CACHED) {
            WIDTHS.clear();
        }
        WIDTHS.put(key, w);
        return w;
    }

    /** How far glyphs (Vietnamese capitals with two diacritics included) rise above the baseline. */
    public static double ascent(double size) {
        return metrics(size).getAscent();
    }

    /** How far glyphs go below the baseline. */
    public static double descent(double size) {
        return metrics(size).getDescent();
    }

    /** Ascent and descent: the height of a line's box. */
    public static double height(double size) {
        return ascent(size) + descent(size);
    }

    /** The longest start of {@code text} that fits {@code width}, with "…" when cut. */
    public static String fit(String text, double size, boolean bold, double width) {
        if (text == null || width(text, size, bold) <= width) {
            return text;
        }
        // the longest fitting start, by halving (a long name is measured a few times, not once per character)
        int low = 0;
        int high = text.length();
        while (low < high) {
            int mid = (low + high + 1) / 2;
            if (width(text.substring(0, mid).stripTrailing() + "…", size, bold) <= width) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low == 0 ? "…" : text.substring(0, low).stripTrailing() + "…";
    }

    private static final java.util.Map<Double, LineMetrics> LINES = new java.util.concurrent.ConcurrentHashMap<>();

    private static LineMetrics metrics(double size) {
        return LINES.computeIfAbsent(size, s -> font(s, false).getLineMetrics("ẾỄẶÁgjpqy", CONTEXT));
    }

    private static Font load(String resource) {
        try (InputStream in = TextMetrics.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the classpath: " + resource);
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.awt.FontFormatException e) {
            throw new IllegalStateException("font unreadable: " + resource, e);
        }
    }
}
