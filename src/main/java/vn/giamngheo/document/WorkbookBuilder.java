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
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The one way the application builds an XLSX file: sheets of title rows, a header row, typed cells (text always a
 * plain string cell, never a formula, whatever it starts with; counts, amounts, dates and shares as numbers with
 * Vietnamese formats), column widths, a frozen header and an autofilter. The styles are created once per workbook.
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

    private final Workbook workbook;
    private final Map<String, CellStyle> styles = new HashMap<>();

    private WorkbookBuilder(Workbook workbook) {
        this.workbook = workbook;
    }

    /** A workbook held in memory. */
    public static WorkbookBuilder create() {
        return new WorkbookBuilder(new XSSFWorkbook());
    }

    /** A workbook streamed to disk beyond {@code window} rows per sheet (lists of a whole province). */
    public static WorkbookBuilder streaming(int window) {
        return new WorkbookBuilder(new SXSSFWorkbook(window));
    }

    /** A new sheet at the end. */
    public SheetBuilder sheet(String name) {
        return new SheetBuilder(this, workbook.createSheet(name));
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
