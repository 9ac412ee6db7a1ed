package vn.giamngheo.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an exchange XLSX sheet, with zip-bomb protection: a minimum inflate ratio, a maximum entry size and
 * a maximum number of rows.
 */
final class XlsxTables {

    /** Refuse entries that inflate more than 100 times (POI's default check is the same order). */
    static final double MIN_INFLATE_RATIO = 0.01;
    /** No part of an exchange workbook needs more than 200 MB uncompressed. */
    static final long MAX_ENTRY_SIZE = 200L * 1024 * 1024;

    private XlsxTables() {
    }

    static Table read(String file, String sheetName, InputStream in, int maxRows) {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
        try (XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet(sheetName);
            if (sheet == null) {
                sheet = workbook.getNumberOfSheets() == 1 ? workbook.getSheetAt(0) : null;
            }
            if (sheet == null) {
                throw problem(file, "the workbook has no sheet named " + sheetName, sheetName);
            }
            if (sheet.getLastRowNum() > maxRows) {
                throw new TableException(ExchangeProblem.error(file, maxRows + 2, "", "",
                        ExchangeProblem.TOO_MANY_ROWS, "the file has more than " + maxRows + " rows", maxRows));
            }
            Row headerRow = sheet.getRow(sheet.getFirstRowNum());
            if (headerRow == null || sheet.getFirstRowNum() != 0) {
                throw problem(file, "the sheet " + sheetName + " has no header row on line 1", sheetName);
            }
            List<String> header = cells(headerRow, headerRow.getLastCellNum()).stream().map(String::trim).toList();
            List<Table.Row> rows = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                rows.add(new Table.Row(r + 1, row == null ? List.of() : cells(row, header.size())));
            }
            return new Table(file, header, rows);
        } catch (IOException | RuntimeException e) {
            if (e instanceof TableException t) {
                throw t;
            }
            String reason = String.valueOf(e.getMessage());
            throw new TableException(ExchangeProblem.error(file, 1, "", "", ExchangeProblem.UNREADABLE_FILE,
                    "the file cannot be read as XLSX: " + reason, reason));
        }
    }

    private static TableException problem(String file, String message, String arg) {
        return new TableException(ExchangeProblem.error(file, 1, "", "", ExchangeProblem.UNREADABLE_FILE,
                message, arg));
    }

    private static List<String> cells(Row row, int count) {
        List<String> cells = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            cells.add(text(row.getCell(c)));
        }
        return cells;
    }

    /** A cell as exchange text; formulas count by their cached value only (they are never evaluated). */
    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> cell.getBooleanCellValue() ? "yes" : "no";
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            default -> "";
        };
    }
}
