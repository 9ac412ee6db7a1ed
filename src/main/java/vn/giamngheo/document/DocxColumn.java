package vn.giamngheo.document;

/**
 * A column of a Word table ({@link OfficialDocx}): the label of the group it sits under (adjacent columns with the
 * same group share one merged header cell; null: the column's header spans both header rows), its header, its
 * share of the width and how its cells are aligned.
 */
public record DocxColumn(String group, String header, double width, Align align) {

    public enum Align { LEFT, CENTER, RIGHT }

    public DocxColumn {
        if (!(width > 0)) {
            throw new IllegalArgumentException("column width must be positive: " + width);
        }
        group = Text.isBlank(group) ? null : Text.nfc(group);
        header = Text.nfc(header);
        align = align == null ? Align.LEFT : align;
    }

    /** A column without a group. */
    public static DocxColumn of(String header, double width, Align align) {
        return new DocxColumn(null, header, width, align);
    }
}
