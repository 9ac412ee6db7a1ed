package vn.giamngheo.document;

import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * One sheet of an {@link OfficialWorkbook}, written top to bottom: titles, the header (frozen and repeated
 * on printed pages), data rows, section and totals rows, a signature block. Every merged region is a fresh
 * range on rows this sheet writes, so regions never overlap and never cover a single cell.
 */
public final class OfficialSheet {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final Sheet sheet;
    private final WorkbookStyles styles;
    private final List<SheetColumn> columns;
    private int next;

    OfficialSheet(Sheet sheet, WorkbookStyles styles, List<SheetColumn> columns) {
        this.sheet = sheet;
        this.styles = styles;
        this.columns = columns;
        for (int i = 0; i < columns.size(); i++) {
            sheet.setColumnWidth(i, columns.get(i).width() * 256);
        }
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
    }

    /** A bold title merged across all columns. */
    public OfficialSheet title(String text) {
        return spanning(WorkbookStyles.Look.TITLE, text);
    }

    /** An italic line merged across all columns ("(Kèm theo Quyết định số …)"). */
    public OfficialSheet subtitle(String text) {
        return spanning(WorkbookStyles.Look.SUBTITLE, text);
    }

    public OfficialSheet blank() {
        next++;
        return this;
    }

    /**
     * The header: one row when no column has a group, otherwise two rows with each group merged over its
     * columns and ungrouped headers merged down. The rows below it scroll under a frozen pane.
     */
    public OfficialSheet header() {
        boolean twoLevels = columns.stream().anyMatch(c -> c.group() != null);
        int top = next;
        int bottom = twoLevels ? top + 1 : top;
        CellStyle style = styles.get(WorkbookStyles.Look.HEADER);
        for (int r = top; r <= bottom; r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < columns.size(); c++) {
                row.createCell(c).setCellStyle(style);
            }
        }
        int c = 0;
        while (c < columns.size()) {
            SheetColumn column = columns.get(c);
            if (column.group() == null) {
                sheet.getRow(top).getCell(c).setCellValue(column.header());
                merge(top, bottom, c, c);
                c++;
                continue;
            }
            int end = c;
            while (end + 1 < columns.size() && column.group().equals(columns.get(end + 1).group())) {
                end++;
            }
            sheet.getRow(top).getCell(c).setCellValue(column.group());
            merge(top, top, c, end);
            for (int i = c; i <= end; i++) {
                sheet.getRow(bottom).getCell(i).setCellValue(columns.get(i).header());
            }
            c = end + 1;
        }
        next = bottom + 1;
        sheet.createFreezePane(0, next);
        sheet.setRepeatingRows(new CellRangeAddress(top, bottom, -1, -1));
        return this;
    }

    /** A bold row merged across all columns that opens a section ("I. HỘ NGHÈO"). */
    public OfficialSheet section(String text) {
        return spanning(WorkbookStyles.Look.SECTION, text);
    }

    /** A data row: one value per column (String, Number or null); a percentage is given as a fraction. */
    public OfficialSheet row(Object... values) {
        return values(WorkbookStyles.Look.CELL, 0, values);
    }

    /** A bold totals row: the label merged over the first {@code labelSpan} columns, then one value per column. */
    public OfficialSheet totals(String label, int labelSpan, Object... values) {
        if (labelSpan < 1 || labelSpan + values.length > columns.size()) {
            throw new IllegalArgumentException("totals row does not fit the " + columns.size() + " columns");
        }
        Row row = sheet.createRow(next);
        for (int c = 0; c < labelSpan; c++) {
            row.createCell(c).setCellStyle(styles.get(WorkbookStyles.Look.TOTAL));
        }
        row.getCell(0).setCellValue(Text.nfc(label));
        merge(next, next, 0, labelSpan - 1);
        return values(WorkbookStyles.Look.TOTAL, labelSpan, values);
    }

    /** The place-and-date line and a signature block under the right half of the columns. */
    public OfficialSheet signature(String placeDateLine, Signature signature) {
        int first = columns.size() / 2;
        next++;
        signLine(first, WorkbookStyles.Look.SIGN_NOTE, placeDateLine);
        signature.titleLines().forEach(line -> signLine(first, WorkbookStyles.Look.SIGN_TITLE, Text.upper(line)));
        signLine(first, WorkbookStyles.Look.SIGN_NOTE, signature.note());
        next += 4;
        signLine(first, WorkbookStyles.Look.SIGN_NAME, signature.name());
        return this;
    }

    /** The next row to be written (0-based). */
    public int nextRow() {
        return next;
    }

    private OfficialSheet values(WorkbookStyles.Look look, int firstColumn, Object... values) {
        if (firstColumn + values.length > columns.size()) {
            throw new IllegalArgumentException(values.length + " values for " + columns.size() + " columns");
        }
        Row row = sheet.getRow(next) == null ? sheet.createRow(next) : sheet.getRow(next);
        for (int i = 0; i < columns.size() - firstColumn; i++) {
            int c = firstColumn + i;
            write(row.createCell(c), look, columns.get(c).kind(), i < values.length ? values[i] : null);
        }
        next++;
        return this;
    }

    private void write(Cell cell, WorkbookStyles.Look look, SheetColumn.Kind kind, Object value) {
        if (value == null) {
            cell.setCellStyle(styles.get(look, kind, false));
        } else if (value instanceof Number n) {
            cell.setCellStyle(styles.get(look, kind, false));
            cell.setCellValue(n.doubleValue());
        } else {
            String text = Text.nfc(value.toString());
            cell.setCellStyle(styles.get(look, kind, looksLikeFormula(text)));
            cell.setCellValue(text);
        }
    }

    /** Text a spreadsheet would take for a formula if typed in; stored as text and shown with a quote prefix. */
    static boolean looksLikeFormula(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0;
    }

    private OfficialSheet spanning(WorkbookStyles.Look look, String text) {
        Row row = sheet.createRow(next);
        CellStyle style = styles.get(look);
        for (int c = 0; c < columns.size(); c++) {
            row.createCell(c).setCellStyle(style);
        }
        String shown = Text.nfc(text);
        row.getCell(0).setCellStyle(styles.get(look, SheetColumn.Kind.TEXT, looksLikeFormula(shown)));
        row.getCell(0).setCellValue(shown);
        merge(next, next, 0, columns.size() - 1);
        next++;
        return this;
    }

    private void signLine(int firstColumn, WorkbookStyles.Look look, String text) {
        if (Text.isBlank(text)) {
            return;
        }
        Row row = sheet.createRow(next);
        CellStyle style = styles.get(look);
        for (int c = firstColumn; c < columns.size(); c++) {
            row.createCell(c).setCellStyle(style);
        }
        row.getCell(firstColumn).setCellValue(Text.nfc(text));
        merge(next, next, firstColumn, columns.size() - 1);
        next++;
    }

    private void merge(int firstRow, int lastRow, int firstColumn, int lastColumn) {
        if (firstRow != lastRow || firstColumn != lastColumn) {
            sheet.addMergedRegion(new CellRangeAddress(firstRow, lastRow, firstColumn, lastColumn));
        }
    }
}
