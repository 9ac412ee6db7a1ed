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
        return font(size, bold).getStringBounds(text, CONTEXT).getWidth() * MARGIN;
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
        int end = text.length();
        while (end > 0 && width(text.substring(0, end).stripTrailing() + "…", size, bold) > width) {
            end--;
        }
        return end == 0 ? "…" : text.substring(0, end).stripTrailing() + "…";
    }

    private static LineMetrics metrics(double size) {
        return font(size, false).getLineMetrics("ẾỄẶÁgjpqy", CONTEXT);
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
