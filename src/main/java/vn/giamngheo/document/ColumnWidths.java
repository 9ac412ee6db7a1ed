package vn.giamngheo.document;

import java.util.List;

/**
 * Column widths from the font's metrics ({@code BaseFont.getWidthPoint}): every column is at least as wide as its
 * longest header word and the longest word of its cells, so that a line breaks only between words and no header
 * word is split; a group label's words fit over its sub-columns and a total's label over the cells it spans. What
 * room is left goes first to columns whose whole cells and headers would fit on one line, then by the columns'
 * relative widths. When even the words do not fit, the font is made smaller (half a point at a time, down to
 * {@link #SMALLEST}).
 */
public final class ColumnWidths {

    /** A cell's left and right padding (2 pt each) with a little room to spare each side, in points. */
    public static final float PADDING = 8f;
    public static final float SMALLEST = 6f;

    /** The chosen font size and each column's width in points (they add up to the available width). */
    public record Layout(float fontSize, float[] widths) {

        /** The width of columns {@code from} … {@code from + span - 1} together. */
        public float span(int from, int span) {
            float w = 0;
            for (int i = from; i < from + span; i++) {
                w += widths[i];
            }
            return w;
        }
    }

    private ColumnWidths() {
    }

    /** The layout of {@code table} on {@code available} points, in {@code largest} points or the largest size below that fits. */
    public static Layout fit(PdfTable table, float available, float largest) {
        for (float size = largest; size >= SMALLEST; size -= 0.5f) {
            float[] widths = widths(table, available, size);
            if (widths != null) {
                return new Layout(size, widths);
            }
        }
        float[] min = minimum(table, SMALLEST);
        float total = sum(min);
        float[] scaled = new float[min.length];
        for (int i = 0; i < min.length; i++) {
            scaled[i] = min[i] * available / total;
        }
        return new Layout(SMALLEST, scaled);
    }

    /** The width of one word (or any text on one line) in the documents' font, in points. */
    public static float textWidth(String text, boolean bold, float size) {
        return PdfFonts.width(text, bold, size);
    }

    /** The words of a text, as a line may break between them. */
    public static List<String> words(String text) {
        String t = Text.nfc(text).strip();
        return t.isEmpty() ? List.of() : List.of(t.split("\\s+"));
    }

    static float[] widths(PdfTable table, float available, float size) {
        float[] min = minimum(table, size);
        if (sum(min) > available) {
            return null;
        }
        float[] preferred = preferred(table, size, min);
        float[] widths = new float[min.length];
        if (sum(preferred) <= available) {
            float weights = 0;
            for (PdfColumn c : table.columns()) {
                weights += c.width();
            }
            float extra = available - sum(preferred);
            for (int i = 0; i < widths.length; i++) {
                widths[i] = preferred[i] + extra * table.columns().get(i).width() / weights;
            }
            return widths;
        }
        float wanted = sum(preferred) - sum(min);
        float extra = available - sum(min);
        for (int i = 0; i < widths.length; i++) {
            widths[i] = min[i] + extra * (preferred[i] - min[i]) / wanted;
        }
        return widths;
    }

    /** Each column's narrowest width: its longest word (header in bold, cells), widened under wide group labels. */
    static float[] minimum(PdfTable table, float size) {
        int n = table.columns().size();
        float[] min = new float[n];
        for (int i = 0; i < n; i++) {
            min[i] = longestWord(table.columns().get(i).header(), true, size) + PADDING;
            if (table.numbered()) {
                min[i] = Math.max(min[i], textWidth("(" + (i + 1) + ")", false, size) + PADDING);
            }
        }
        for (PdfRow r : table.rows()) {
            if (r.kind() == PdfRow.Kind.SECTION) {
                continue;
            }
            for (int i = r.labelSpan(); i < n; i++) {
                min[i] = Math.max(min[i], longestWord(r.cells().get(i), r.bold(), size) + PADDING);
            }
            if (r.labelSpan() == 1) {
                min[0] = Math.max(min[0], longestWord(r.cells().get(0), r.bold(), size) + PADDING);
            }
        }
        int col = 0;
        for (PdfColumnGroup g : table.groups()) {
            widen(min, col, g.span(), longestWord(g.label(), true, size) + PADDING);
            col += g.span();
        }
        for (PdfRow r : table.rows()) {
            if (r.kind() == PdfRow.Kind.BOLD && r.labelSpan() > 1) {
                widen(min, 0, r.labelSpan(), longestWord(r.label(), true, size) + PADDING);
            }
        }
        return min;
    }

    /** Each column's width when its cells stay on one line and its header takes at most two lines. */
    private static float[] preferred(PdfTable table, float size, float[] min) {
        int n = min.length;
        float[] preferred = min.clone();
        for (int i = 0; i < n; i++) {
            String header = table.columns().get(i).header();
            preferred[i] = Math.max(preferred[i], textWidth(header, true, size) / 2 + PADDING);
        }
        for (PdfRow r : table.rows()) {
            if (r.kind() == PdfRow.Kind.SECTION) {
                continue;
            }
            for (int i = r.labelSpan() == 1 ? 0 : r.labelSpan(); i < n; i++) {
                preferred[i] = Math.max(preferred[i], textWidth(r.cells().get(i), r.bold(), size) + PADDING);
            }
        }
        return preferred;
    }

    private static void widen(float[] widths, int from, int span, float needed) {
        float have = 0;
        for (int i = from; i < from + span; i++) {
            have += widths[i];
        }
        if (needed > have) {
            float each = (needed - have) / span;
            for (int i = from; i < from + span; i++) {
                widths[i] += each;
            }
        }
    }

    private static float longestWord(String text, boolean bold, float size) {
        float longest = 0;
        for (String w : words(text)) {
            longest = Math.max(longest, textWidth(w, bold, size));
        }
        return longest;
    }

    private static float sum(float[] values) {
        float s = 0;
        for (float v : values) {
            s += v;
        }
        return s;
    }
}
