package vn.giamngheo.document;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The one way the application builds an XLSX file: sheets of title rows, a header row, typed cells (text always a
 * plain string cell, never a formula, whatever it starts with; counts, amounts, dates and shares as numbers with
 * Vietnamese formats), column widths, a frozen header and an autofilter; for tables laid out like printed forms,
 * cells with a {@link Look} (bold, italic, alignment, thin borders, wrap, fill), merged cells, a print header and
 * printing on A4. The styles are created once per workbook.
 * The official layout of administrative documents ({@link OfficialWorkbook}) is built on it too.
 */
public final class WorkbookBuilder implements Closeable {

    /** Whole numbers with a thousands separator, shown by a Vietnamese Excel as 1.234.567. */
    public static final String INTEGER = "#,##0";
    /** Amounts with two decimals. */
    public static final String DECIMAL = "#,##0.00";
    /** Shares stored as fractions, shown in per cent. */
    public static final String PERCENT = "0.00%";
    /** Dates as Vietnamese write them. */
    public static final String DATE = "dd/mm/yyyy";
    /** Text kept as typed (codes with leading zeros, identity numbers). */
    public static final String TEXT = "@";

    private final Workbook workbook;
    private final Map<String, CellStyle> styles = new HashMap<>();
    private final Map<Look, CellStyle> looks = new HashMap<>();

    private WorkbookBuilder(Workbook workbook) {
        this.workbook = workbook;
    }

    /** A workbook held in memory. */
    public static WorkbookBuilder create() {
        return new WorkbookBuilder(new XSSFWorkbook());
    }

    /**
     * A workbook streamed to disk beyond {@code window} rows per sheet (lists of a whole province). Its zip entries
     * use Zip64 only where an entry needs it: POI's default (always) writes local headers with size 0 and the sizes in
     * a Zip64 field, which streaming zip readers ({@code java.util.zip.ZipInputStream}) refuse.
     */
    public static WorkbookBuilder streaming(int window) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(window);
        workbook.setZip64Mode(Zip64Mode.AsNeeded);
        return new WorkbookBuilder(workbook);
    }

    /** A new sheet at the end. */
    public SheetBuilder sheet(String name) {
        return new SheetBuilder(this, workbook.createSheet(name));
    }

    /** Hides a sheet from the reader of the workbook (the lists behind drop-downs). */
    public WorkbookBuilder hide(String sheetName) {
        workbook.setSheetHidden(workbook.getSheetIndex(sheetName), true);
        return this;
    }

    /** The workbook of POI, for what the builder does not say (the official layout's styles). */
    public Workbook poi() {
        return workbook;
    }

    /** Writes the workbook and closes it. */
    public void write(OutputStream out) throws IOException {
        try (this) {
            workbook.write(out);
        }
    }

    /** The workbook's bytes; the builder is closed. */
    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        if (workbook instanceof SXSSFWorkbook streamed) {
            streamed.dispose();
        }
        workbook.close();
    }

    /** The plain style of a cell: bold or not, with a number format or not ("" for the general one). */
    CellStyle style(boolean bold, String format) {
        return styles.computeIfAbsent((bold ? "b|" : "|") + format, k -> {
            CellStyle style = workbook.createCellStyle();
            if (bold) {
                Font font = workbook.createFont();
                font.setBold(true);
                style.setFont(font);
            }
            if (!format.isEmpty()) {
                style.setDataFormat(workbook.createDataFormat().getFormat(format));
            }
            return style;
        });
    }

    /** The style of a look, created once per workbook. */
    CellStyle style(Look look) {
        return looks.computeIfAbsent(look, k -> {
            CellStyle style = workbook.createCellStyle();
            if (k.boldFont() || k.italicFont()) {
                Font font = workbook.createFont();
                font.setBold(k.boldFont());
                font.setItalic(k.italicFont());
                style.setFont(font);
            }
            if (k.horizontal() != null) {
                style.setAlignment(k.horizontal());
            }
            if (k.vertical() != null) {
                style.setVerticalAlignment(k.vertical());
            }
            if (k.thinBorders()) {
                style.setBorderTop(BorderStyle.THIN);
                style.setBorderBottom(BorderStyle.THIN);
                style.setBorderLeft(BorderStyle.THIN);
                style.setBorderRight(BorderStyle.THIN);
            }
            style.setWrapText(k.wrapText());
            if (!k.dataFormat().isEmpty()) {
                style.setDataFormat(workbook.createDataFormat().getFormat(k.dataFormat()));
            }
            if (k.fill() != null) {
                style.setFillForegroundColor(k.fill().getIndex());
                style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            }
            return style;
        });
    }

    /**
     * How a cell looks, for the tables laid out like printed forms (bordered cells, centred titles, filled headers):
     * start from {@link #PLAIN} and add what it needs, e.g. {@code Look.PLAIN.bold().centred().bordered()}. What is
     * not said stays as Excel's default (general alignment, bottom, no border, no wrap, general format, no fill).
     */
    public record Look(boolean boldFont, boolean italicFont, HorizontalAlignment horizontal, VerticalAlignment vertical,
                       boolean thinBorders, boolean wrapText, String dataFormat, IndexedColors fill) {

        /** Excel's default look. */
        public static final Look PLAIN = new Look(false, false, null, null, false, false, "", null);

        public Look {
            dataFormat = dataFormat == null ? "" : dataFormat;
        }

        /** In a bold font. */
        public Look bold() {
            return new Look(true, italicFont, horizontal, vertical, thinBorders, wrapText, dataFormat, fill);
        }

        /** In an italic font. */
        public Look italic() {
            return new Look(boldFont, true, horizontal, vertical, thinBorders, wrapText, dataFormat, fill);
        }

        /** Centred across the cell (or the merged cells). */
        public Look centred() {
            return aligned(HorizontalAlignment.CENTER);
        }

        /** Aligned horizontally so. */
        public Look aligned(HorizontalAlignment alignment) {
            return new Look(boldFont, italicFont, alignment, vertical, thinBorders, wrapText, dataFormat, fill);
        }

        /** In the middle of the row's height. */
        public Look middle() {
            return new Look(boldFont, italicFont, horizontal, VerticalAlignment.CENTER, thinBorders, wrapText, dataFormat, fill);
        }

        /** At the top of the row's height. */
        public Look top() {
            return new Look(boldFont, italicFont, horizontal, VerticalAlignment.TOP, thinBorders, wrapText, dataFormat, fill);
        }

        /** With a thin border on all four sides. */
        public Look bordered() {
            return new Look(boldFont, italicFont, horizontal, vertical, true, wrapText, dataFormat, fill);
        }

        /** Long text wraps onto more lines. */
        public Look wrapped() {
            return new Look(boldFont, italicFont, horizontal, vertical, thinBorders, true, dataFormat, fill);
        }

        /** Numbers in a format ({@link #INTEGER}, {@link #DECIMAL}, {@link #PERCENT} or another Excel format). */
        public Look format(String format) {
            return new Look(boldFont, italicFont, horizontal, vertical, thinBorders, wrapText, format, fill);
        }

        /** Filled with a solid colour. */
        public Look filled(IndexedColors colour) {
            return new Look(boldFont, italicFont, horizontal, vertical, thinBorders, wrapText, dataFormat, colour);
        }
    }

    /** One sheet: rows are added from the top, one after the other. */
    public static final class SheetBuilder {

        private final WorkbookBuilder book;
        private final Sheet sheet;
        private int next;

        private SheetBuilder(WorkbookBuilder book, Sheet sheet) {
            this.book = book;
            this.sheet = sheet;
        }

        /** A row with one text in its first cell. */
        public SheetBuilder title(String text) {
            row().text(text);
            return this;
        }

        /** An empty row. */
        public SheetBuilder blank() {
            next++;
            return this;
        }

        /** The header row: bold texts. */
        public SheetBuilder header(List<String> headers) {
            RowBuilder row = row();
            headers.forEach(row::bold);
            return this;
        }

        /** The next row. */
        public RowBuilder row() {
            return new RowBuilder(book, sheet.createRow(next++));
        }

        /** Merges the cells of rows {@code firstRow} to {@code lastRow} and columns {@code firstColumn} to
         * {@code lastColumn} (all from 0, inclusive): a header over two rows or a group header over its columns. */
        public SheetBuilder merge(int firstRow, int lastRow, int firstColumn, int lastColumn) {
            sheet.addMergedRegion(new CellRangeAddress(firstRow, lastRow, firstColumn, lastColumn));
            return this;
        }

        /** The index (from 0) of the next row. */
        public int rowIndex() {
            return next;
        }

        /** Widths of the first {@code columns} columns, in characters, by column index. */
        public SheetBuilder widths(int columns, IntUnaryOperator characters) {
            for (int c = 0; c < columns; c++) {
                sheet.setColumnWidth(c, characters.applyAsInt(c) * 256);
            }
            return this;
        }

        /** The width of one column (index from 0), in characters; the others keep theirs. */
        public SheetBuilder width(int column, int characters) {
            sheet.setColumnWidth(column, characters * 256);
            return this;
        }

        /** The text printed centred at the top of each page (a title kept out of the cells). */
        public SheetBuilder printHeader(String text) {
            sheet.getHeader().setCenter(text);
            return this;
        }

        /** Prints on A4 paper, one page wide and as many pages high as needed; across the page if {@code landscape}. */
        public SheetBuilder printOnA4(boolean landscape) {
            if (landscape) {
                sheet.getPrintSetup().setLandscape(true);
            }
            sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
            return this;
        }

        /** Keeps the first {@code columns} columns and {@code rows} rows in view when scrolling. */
        public SheetBuilder freeze(int columns, int rows) {
            sheet.createFreezePane(columns, rows);
            return this;
        }

        /** An autofilter on a header row (index from 0) over its columns, down to the last row written. */
        public SheetBuilder autoFilter(int headerRow, int columns) {
            sheet.setAutoFilter(new CellRangeAddress(headerRow, Math.max(headerRow, next - 1), 0, columns - 1));
            return this;
        }

        /** The format of the empty cells of a column (index from 0), e.g. {@link #DATE} or {@link #TEXT}. */
        public SheetBuilder columnFormat(int column, String format) {
            sheet.setDefaultColumnStyle(column, book.style(false, format));
            return this;
        }

        /**
         * A drop-down list on rows {@code firstRow} to {@code lastRow} (from 0, inclusive) of a column, its values
         * taken from a range ({@code lists!$A$1:$A$11}). When {@code strict}, any other value is refused with
         * {@code error}; otherwise the list only offers (a cell holding several values separated by {@code ;}).
         */
        public SheetBuilder dropDown(int column, int firstRow, int lastRow, String range, boolean strict,
                                     String error) {
            DataValidationHelper helper = sheet.getDataValidationHelper();
            return validation(helper.createValidation(helper.createFormulaListConstraint(range),
                    new CellRangeAddressList(firstRow, lastRow, column, column)), strict, error);
        }

        /** Only dates from {@code first} to {@code last} on rows {@code firstRow} to {@code lastRow} of a column. */
        public SheetBuilder dates(int column, int firstRow, int lastRow, LocalDate first, LocalDate last,
                                  String error) {
            DataValidationHelper helper = sheet.getDataValidationHelper();
            DataValidationConstraint constraint = helper.createDateConstraint(
                    DataValidationConstraint.OperatorType.BETWEEN, excelDate(first), excelDate(last), null);
            return validation(helper.createValidation(constraint,
                    new CellRangeAddressList(firstRow, lastRow, column, column)), true, error);
        }

        /**
         * Only values for which an Excel formula is true, on rows {@code firstRow} to {@code lastRow} of a column;
         * the formula speaks of the range's first cell (e.g. {@code ISNUMBER(F2)}).
         */
        public SheetBuilder valid(int column, int firstRow, int lastRow, String formula, String error) {
            DataValidationHelper helper = sheet.getDataValidationHelper();
            return validation(helper.createValidation(helper.createCustomConstraint(formula),
                    new CellRangeAddressList(firstRow, lastRow, column, column)), true, error);
        }

        private SheetBuilder validation(DataValidation validation, boolean strict, String error) {
            // POI inverts it for XLSX: "suppress" true writes showDropDown="0", which is what shows the arrow
            validation.setSuppressDropDownArrow(validation.getValidationConstraint().getValidationType()
                    == DataValidationConstraint.ValidationType.LIST);
            validation.setShowErrorBox(strict);
            validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
            validation.createErrorBox("", error);
            sheet.addValidationData(validation);
            return this;
        }

        private static String excelDate(LocalDate date) {
            return "=DATE(" + date.getYear() + "," + date.getMonthValue() + "," + date.getDayOfMonth() + ")";
        }

        /** The sheet of POI, for what the builder does not say. */
        public Sheet poi() {
            return sheet;
        }
    }

    /** One row: cells are added from the left, one after the other. */
    public static final class RowBuilder {

        private final WorkbookBuilder book;
        private final Row row;
        private int column;

        private RowBuilder(WorkbookBuilder book, Row row) {
            this.book = book;
            this.row = row;
        }

        /** A text cell; null is an empty text. Never a formula. */
        public RowBuilder text(String value) {
            row.createCell(column++).setCellValue(value == null ? "" : value);
            return this;
        }

        /** A bold text cell (a header). */
        public RowBuilder bold(String value) {
            Cell cell = row.createCell(column++);
            cell.setCellValue(value == null ? "" : value);
            cell.setCellStyle(book.style(true, ""));
            return this;
        }

        /** A number in the general format; null leaves an empty cell. */
        public RowBuilder number(Number value) {
            Cell cell = row.createCell(column++);
            if (value != null) {
                cell.setCellValue(value.doubleValue());
            }
            return this;
        }

        /** A number in the general format; null leaves no cell at all. */
        public RowBuilder numberOrNothing(Number value) {
            if (value != null) {
                row.createCell(column).setCellValue(value.doubleValue());
            }
            column++;
            return this;
        }

        /** A number with a format ({@link #INTEGER}, {@link #DECIMAL}, {@link #PERCENT}); null leaves an empty cell. */
        public RowBuilder number(Number value, String format) {
            Cell cell = row.createCell(column++);
            cell.setCellStyle(book.style(false, format));
            if (value instanceof BigDecimal d) {
                cell.setCellValue(d.doubleValue());
            } else if (value != null) {
                cell.setCellValue(value.doubleValue());
            }
            return this;
        }

        /** A date as dd/mm/yyyy; null leaves an empty cell. */
        public RowBuilder date(LocalDate value) {
            Cell cell = row.createCell(column++);
            cell.setCellStyle(book.style(false, DATE));
            if (value != null) {
                cell.setCellValue(value);
            }
            return this;
        }

        /** A text cell with a look; null is an empty text. Never a formula. */
        public RowBuilder text(String value, Look look) {
            Cell cell = row.createCell(column++);
            cell.setCellValue(value == null ? "" : value);
            cell.setCellStyle(book.style(look));
            return this;
        }

        /** A text cell with a look merged with the cells on its right up to column {@code lastColumn} (from 0,
         * inclusive), which only it shows (a title across a table); the row goes on after the merged cells. */
        public RowBuilder merged(String value, Look look, int lastColumn) {
            int first = column;
            text(value, look);
            row.getSheet().addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), first, lastColumn));
            column = lastColumn + 1;
            return this;
        }

        /** A number with a look; null leaves an empty cell. */
        public RowBuilder number(Number value, Look look) {
            Cell cell = row.createCell(column++);
            cell.setCellStyle(book.style(look));
            if (value != null) {
                cell.setCellValue(value.doubleValue());
            }
            return this;
        }

        /** Leaves a column without a cell. */
        public RowBuilder skip() {
            column++;
            return this;
        }

        /** Goes on at column {@code index} (from 0). */
        public RowBuilder at(int index) {
            column = index;
            return this;
        }

        /** The row of POI, for what the builder does not say. */
        public Row poi() {
            return row;
        }
    }
}
