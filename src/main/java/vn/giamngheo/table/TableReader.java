package vn.giamngheo.table;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads a CSV (UTF-8, BOM accepted, RFC 4180) or the first sheet of an XLSX file into a {@link Table}.
 * The first row is the header. Lines: for CSV the physical line where the record starts (a quoted cell
 * may span lines), for XLSX the sheet's row number. Numbers in XLSX cells are taken as displayed (so a
 * rate keeps its printed decimals) and written with a decimal comma and without grouping.
 */
public final class TableReader {

    private TableReader() {
    }

    public static Table read(Path file) throws UnreadableTableException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            return name.endsWith(".xlsx") ? readXlsx(file) : readCsv(file.toString(), Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new UnreadableTableException(file + ": file not found");
        } catch (CharacterCodingException e) {
            throw new UnreadableTableException(file + ": not UTF-8 text");
        } catch (IOException | RuntimeException e) {
            throw new UnreadableTableException(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    public static Table readCsv(String source, String text) throws UnreadableTableException {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int[] lineStarts = lineStarts(content);
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
        List<String> header = null;
        List<Table.Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(content), format)) {
            for (CSVRecord record : parser) {
                List<String> values = record.toList();
                if (header == null) {
                    header = values;
                    continue;
                }
                Map<String, String> cells = new HashMap<>();
                for (int i = 0; i < header.size() && i < values.size(); i++) {
                    cells.putIfAbsent(Table.columnKey(header.get(i)), values.get(i));
                }
                Table.Row row = new Table.Row(lineOf(lineStarts, record.getCharacterPosition()), cells);
                if (!row.isBlank()) {
                    rows.add(row);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new UnreadableTableException(source + ": not a valid CSV file (" + e.getMessage() + ")");
        }
        if (header == null) {
            throw new UnreadableTableException(source + ": empty file");
        }
        return new Table(source, header, rows);
    }

    private static Table readXlsx(Path file) throws IOException, UnreadableTableException {
        try (InputStream in = Files.newInputStream(file); Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.US);
            formatter.setUseCachedValuesForFormulaCells(true);
            List<String> header = null;
            List<Table.Row> rows = new ArrayList<>();
            for (org.apache.poi.ss.usermodel.Row sheetRow : sheet) {
                List<String> values = new ArrayList<>();
                for (int c = 0; c < Math.max(0, sheetRow.getLastCellNum()); c++) {
                    values.add(text(sheetRow.getCell(c), formatter));
                }
                if (header == null) {
                    if (values.stream().anyMatch(v -> !v.isBlank())) {
                        header = values;
                    }
                    continue;
                }
                Map<String, String> cells = new HashMap<>();
                for (int i = 0; i < header.size() && i < values.size(); i++) {
                    cells.putIfAbsent(Table.columnKey(header.get(i)), values.get(i));
                }
                Table.Row row = new Table.Row(sheetRow.getRowNum() + 1, cells);
                if (!row.isBlank()) {
                    rows.add(row);
                }
            }
            if (header == null) {
                throw new UnreadableTableException(file + ": the first sheet is empty");
            }
            return new Table(file.toString(), header, rows);
        }
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        String shown = formatter.formatCellValue(cell);
        if (type == CellType.NUMERIC) {
            return shown.replace(",", "").replace('.', ',');
        }
        return shown;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int lineOf(int[] lineStarts, long position) {
        int low = 0;
        int high = lineStarts.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (lineStarts[mid] <= position) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low + 1;
    }

    /** The file cannot be read as a table at all; the commands exit with status 2. */
    public static final class UnreadableTableException extends Exception {
        public UnreadableTableException(String message) {
            super(message);
        }
    }
}
