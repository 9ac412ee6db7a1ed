package vn.giamngheo.document;

import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/** The few cell styles of an official workbook, each created once (a workbook holds at most 64,000). */
final class WorkbookStyles {

    static final String FONT = "Times New Roman";
    static final String INTEGER_FORMAT = "#,##0";
    static final String PERCENT_FORMAT = "0.00%";
    static final String DECIMAL_FORMAT = "#,##0.00";

    enum Look { TITLE, SUBTITLE, HEADER, CELL, TOTAL, SECTION, SIGN_TITLE, SIGN_NOTE, SIGN_NAME }

    private record Key(Look look, SheetColumn.Kind kind, boolean quoted) {
    }

    private final Workbook workbook;
    private final Map<Key, CellStyle> styles = new HashMap<>();

    WorkbookStyles(Workbook workbook) {
        this.workbook = workbook;
    }

    CellStyle get(Look look, SheetColumn.Kind kind, boolean quoted) {
        return styles.computeIfAbsent(new Key(look, kind, quoted), this::create);
    }

    CellStyle get(Look look) {
        return get(look, SheetColumn.Kind.TEXT, false);
    }

    private CellStyle create(Key key) {
        CellStyle style = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setFontName(FONT);
        font.setFontHeightInPoints((short) (key.look() == Look.TITLE ? 13 : 12));
        font.setBold(switch (key.look()) {
            case TITLE, HEADER, TOTAL, SECTION, SIGN_TITLE, SIGN_NAME -> true;
            default -> false;
        });
        font.setItalic(key.look() == Look.SUBTITLE || key.look() == Look.SIGN_NOTE);
        style.setFont(font);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        style.setAlignment(alignment(key));
        style.setQuotePrefixed(key.quoted());
        if (key.look() == Look.HEADER || key.look() == Look.CELL || key.look() == Look.TOTAL || key.look() == Look.SECTION) {
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
        }
        style.setWrapText(key.look() == Look.HEADER || key.look() == Look.CELL || key.look() == Look.SUBTITLE);
        if (key.look() == Look.CELL || key.look() == Look.TOTAL) {
            if (key.kind() == SheetColumn.Kind.INTEGER) {
                style.setDataFormat(workbook.createDataFormat().getFormat(INTEGER_FORMAT));
            } else if (key.kind() == SheetColumn.Kind.PERCENT) {
                style.setDataFormat(workbook.createDataFormat().getFormat(PERCENT_FORMAT));
            } else if (key.kind() == SheetColumn.Kind.DECIMAL) {
                style.setDataFormat(workbook.createDataFormat().getFormat(DECIMAL_FORMAT));
            }
        }
        return style;
    }

    private static HorizontalAlignment alignment(Key key) {
        return switch (key.look()) {
            case TITLE, SUBTITLE, HEADER, SIGN_TITLE, SIGN_NOTE, SIGN_NAME -> HorizontalAlignment.CENTER;
            case SECTION -> HorizontalAlignment.LEFT;
            case CELL, TOTAL -> switch (key.kind()) {
                case TEXT -> HorizontalAlignment.LEFT;
                case CENTERED -> HorizontalAlignment.CENTER;
                case INTEGER, PERCENT, DECIMAL -> HorizontalAlignment.RIGHT;
            };
        };
    }
}
