package vn.giamngheo.exchange;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/** A sheet of text cells read from CSV or XLSX: the header and the data rows with their file lines. */
public record Table(String file, List<String> header, List<Row> rows) {

    /**
     * Reads a CSV (UTF-8, RFC 4180) or, when the file name ends with {@code .xlsx}, the named sheet of a workbook
     * (or its only sheet), for other exchange files than the household pair (e.g. benefit records).
     *
     * @throws TableException carrying the problem when the file cannot be read as a table at all
     */
    public static Table read(String file, String sheetName, InputStream in, int maxRows) {
        return file.toLowerCase(Locale.ROOT).endsWith(".xlsx")
                ? XlsxTables.read(file, sheetName, in, maxRows) : CsvTables.read(file, in, maxRows);
    }

    /** A data row; {@code line} is 1-based with the header on line 1. */
    public record Row(int line, List<String> cells) {

        /** The cell, or empty text beyond the row's end. */
        public String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }

        public boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }
}
