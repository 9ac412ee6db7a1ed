package vn.giamngheo.document;

/**
 * A column of an official worksheet. Adjacent columns with the same {@code group} share a merged upper
 * header cell with their own headers below it; a column without a group has one header cell spanning both
 * header rows. {@code width} is in characters.
 */
public record SheetColumn(String group, String header, Kind kind, int width) {

    /** How values are written: text left or centred, whole numbers ("#,##0"), fractions as per cent ("0.00%"). */
    /** DECIMAL: a number with two decimals ({@code 0.00}), e.g. percentage points. */
    public enum Kind { TEXT, CENTERED, INTEGER, PERCENT, DECIMAL }

    public SheetColumn {
        if (width < 1 || width > 255) {
            throw new IllegalArgumentException("column width must be 1 to 255 characters: " + width);
        }
        group = Text.isBlank(group) ? null : Text.nfc(group);
        header = Text.nfc(header);
        kind = kind == null ? Kind.TEXT : kind;
    }

    public static SheetColumn of(String header, Kind kind, int width) {
        return new SheetColumn(null, header, kind, width);
    }
}
