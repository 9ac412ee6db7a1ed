package vn.giamngheo.plan.rules;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import vn.giamngheo.table.CheckReport;
import vn.giamngheo.table.TableReader;

/** The Mường Khương district plan tables of {@code src/test/resources/planning/}. */
final class PlanFixtures {

    /** Line 2 is the total row ({@code Toàn huyện}); lines 3-12 are the ten communes. */
    static final String CORRECT = "muong-khuong-2023-correct.csv";

    private PlanFixtures() {
    }

    static Path resource(String name) {
        try {
            return Path.of(PlanFixtures.class.getResource("/planning/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(String name) {
        try {
            return Files.readString(resource(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static CheckReport check(String name) throws TableReader.UnreadableTableException {
        return PlanChecker.check(TableReader.read(resource(name)));
    }

    static CheckReport checkText(String csv) throws TableReader.UnreadableTableException {
        return PlanChecker.check(TableReader.readCsv("test.csv", csv));
    }

    /** The CSV text of a fixture with one cell replaced (line as in the file, column by header name). */
    static String withCell(String name, int line, String column, String value) {
        List<String> lines = text(name).lines().toList();
        List<String> header = List.of(lines.get(0).split(","));
        int index = header.indexOf(column);
        List<String> cells = splitCsvLine(lines.get(line - 1));
        cells.set(index, value.contains(",") ? "\"" + value + "\"" : value);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            out.append(i == line - 1 ? String.join(",", cells) : lines.get(i)).append('\n');
        }
        return out.toString();
    }

    private static List<String> splitCsvLine(String line) {
        List<String> cells = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char ch : line.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
                cell.append(ch);
            } else if (ch == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** Findings as {@code line:column:severity:rule} strings, for compact assertions. */
    static List<String> summary(CheckReport report) {
        return report.findings().stream()
                .map(f -> f.line() + ":" + f.column() + ":" + f.severity().csvName() + ":" + f.rule())
                .toList();
    }
}
