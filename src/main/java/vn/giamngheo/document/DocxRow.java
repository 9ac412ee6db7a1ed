package vn.giamngheo.document;

import java.util.List;

/**
 * A body row of a Word table: ordinary cells, a total in bold, or a section heading ("I. KHU VỰC THÀNH THỊ") in one
 * cell spanning the whole table.
 */
public record DocxRow(Kind kind, List<String> cells) {

    public enum Kind { ROW, TOTAL, SECTION }

    public DocxRow {
        kind = kind == null ? Kind.ROW : kind;
        cells = cells.stream().map(Text::nfc).toList();
        if (kind == Kind.SECTION && cells.size() != 1) {
            throw new IllegalArgumentException("a section row has one cell, got " + cells.size());
        }
    }

    public static DocxRow row(List<String> cells) {
        return new DocxRow(Kind.ROW, cells);
    }

    public static DocxRow total(List<String> cells) {
        return new DocxRow(Kind.TOTAL, cells);
    }

    public static DocxRow section(String title) {
        return new DocxRow(Kind.SECTION, List.of(title));
    }
}
