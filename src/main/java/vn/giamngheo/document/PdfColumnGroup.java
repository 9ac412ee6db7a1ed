package vn.giamngheo.document;

/** A group of adjacent columns under one label on a table's first header row; span 1 without a label: no group. */
public record PdfColumnGroup(String label, int span) {

    public PdfColumnGroup {
        if (span < 1) {
            throw new IllegalArgumentException("a group spans at least one column, got " + span);
        }
        label = label == null ? "" : label;
    }

    /** A column without a group: its header spans both header rows. */
    public static PdfColumnGroup single() {
        return new PdfColumnGroup("", 1);
    }
}
