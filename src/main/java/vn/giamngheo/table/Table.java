package vn.giamngheo.table;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A table as read from a CSV or XLSX file: normalised column names and the data rows with their
 * lines. Column names are matched case-insensitively, NFC-normalised, with spaces read as {@code _}.
 */
public record Table(String source, List<String> columns, List<Row> rows) {

    public Table {
        columns = columns.stream().map(Table::columnKey).toList();
        rows = List.copyOf(rows);
    }

    public boolean hasColumn(String name) {
        return columns.contains(columnKey(name));
    }

    /** The key a header cell is matched by: {@code " Poor Rate "} and {@code poor_rate} are the same. */
    public static String columnKey(String header) {
        return nfc(header).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }

    public static String nfc(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC);
    }

    /** One data row: its line in the file and its cells by column key. */
    public record Row(int line, Map<String, String> cells) {

        public Row {
            cells = Map.copyOf(cells);
        }

        /** The cell's text, NFC-normalised and stripped; empty when the column or cell is absent. */
        public String cell(String column) {
            return nfc(cells.getOrDefault(columnKey(column), "")).strip();
        }

        public boolean isBlank() {
            return cells.values().stream().allMatch(String::isBlank);
        }
    }
}
