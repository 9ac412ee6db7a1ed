package vn.giamngheo.document;

/** A column of a PDF table: its header, its share of the width and how its cells are aligned. */
public record PdfColumn(String header, float width, Align align) {

    public enum Align { LEFT, CENTER, RIGHT }

    public PdfColumn {
        if (!(width > 0)) {
            throw new IllegalArgumentException("column width must be positive: " + width);
        }
        header = Text.nfc(header);
        align = align == null ? Align.LEFT : align;
    }
}
