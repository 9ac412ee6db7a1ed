package vn.giamngheo.exchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads an exchange CSV: UTF-8 (optional BOM, other bytes refused), RFC 4180. */
final class CsvTables {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setTrim(false).get();

    private CsvTables() {
    }

    /** The table, or throws {@link TableException} carrying the problem. */
    static Table read(String file, InputStream in, int maxRows) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<String> header = null;
        List<Table.Row> rows = new ArrayList<>();
        long line = 1;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder));
                CSVParser parser = FORMAT.parse(skipBom(reader))) {
            var records = parser.iterator();
            while (true) {
                long startLine = parser.getCurrentLineNumber() + 1;
                line = startLine;
                if (!hasNext(records)) {
                    break;
                }
                CSVRecord record = records.next();
                List<String> cells = record.toList();
                if (header == null) {
                    header = cells.stream().map(String::trim).toList();
                } else {
                    if (rows.size() >= maxRows) {
                        throw new TableException(ExchangeProblem.error(file, (int) startLine, "", "",
                                ExchangeProblem.TOO_MANY_ROWS, "the file has more than " + maxRows + " rows",
                                maxRows));
                    }
                    rows.add(new Table.Row((int) startLine, cells));
                }
            }
        } catch (CharacterCodingException e) {
            throw notUtf8(file, line);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw notUtf8(file, line);
            }
            throw unreadable(file, line, e.getCause());
        } catch (IOException | IllegalStateException e) {
            throw unreadable(file, line, e);
        }
        if (header == null) {
            throw new TableException(ExchangeProblem.error(file, 1, "", "", ExchangeProblem.UNREADABLE_FILE,
                    "the file is empty (no header row)", "empty"));
        }
        return new Table(file, header, rows);
    }

    private static boolean hasNext(java.util.Iterator<CSVRecord> records) {
        return records.hasNext();
    }

    private static BufferedReader skipBom(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    private static TableException notUtf8(String file, long line) {
        return new TableException(ExchangeProblem.error(file, (int) line, "", "", ExchangeProblem.NOT_UTF8,
                "the file is not UTF-8 text; save it as \"CSV UTF-8\""));
    }

    private static TableException unreadable(String file, long line, Throwable cause) {
        String reason = String.valueOf(cause.getMessage());
        return new TableException(ExchangeProblem.error(file, (int) line, "", "", ExchangeProblem.UNREADABLE_FILE,
                "the file cannot be read as CSV: " + reason, reason));
    }
}
