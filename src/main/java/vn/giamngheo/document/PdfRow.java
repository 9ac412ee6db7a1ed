package vn.giamngheo.document;

import java.util.List;

/**
 * A line of a PDF table: an ordinary row, a row in bold (subtotals, totals) whose first {@code labelSpan} cells
 * are merged into one cell holding the label ("Tổng cộng"), or a section row ("I. KHU VỰC THÀNH THỊ") written
 * as one cell spanning the whole table.
 */
public record PdfRow(Kind kind, List<String> cells, int labelSpan) {

    public enum Kind { ROW, BOLD, SECTION }

    public PdfRow {
        if (kind == null) {
            throw new IllegalArgumentException("a row needs its kind");
        }
        cells = cells.stream().map(Text::nfc).toList();
        if (kind == Kind.SECTION && cells.size() != 1) {
            throw new IllegalArgumentException("a section row has one text, not " + cells.size());
        }
        if (labelSpan < 1 || labelSpan > Math.max(1, cells.size()) || kind != Kind.BOLD && labelSpan != 1) {
            throw new IllegalArgumentException("label span " + labelSpan + " for a " + kind + " row of " + cells.size()
                    + " cells");
        }
    }

    public static PdfRow of(List<String> cells) {
        return new PdfRow(Kind.ROW, cells, 1);
    }

    public static PdfRow bold(List<String> cells) {
        return new PdfRow(Kind.BOLD, cells, 1);
    }

    /** A total row: its first {@code labelSpan} cells become one cell with their text. */
    public static PdfRow total(List<String> cells, int labelSpan) {
        return new PdfRow(Kind.BOLD, cells, labelSpan);
    }

    public static PdfRow section(String text) {
        return new PdfRow(Kind.SECTION, List.of(text), 1);
    }

    boolean bold() {
        return kind != Kind.ROW;
    }

    /** The merged label of a total row: the non-blank texts of its first {@code labelSpan} cells. */
    String label() {
        return String.join(" ", cells.subList(0, labelSpan).stream().filter(s -> !s.isBlank()).toList());
    }
}
