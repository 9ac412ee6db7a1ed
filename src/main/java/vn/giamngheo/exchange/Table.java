package vn.giamngheo.exchange;

import java.util.List;

/** A sheet of text cells read from CSV or XLSX: the header and the data rows with their file lines. */
record Table(String file, List<String> header, List<Row> rows) {

    /** A data row; {@code line} is 1-based with the header on line 1. */
    record Row(int line, List<String> cells) {

        String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }

        boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }
}
