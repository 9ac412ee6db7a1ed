package vn.giamngheo.table;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The findings of one checked table (exchange-format §6) and how many data rows were checked. */
public record CheckReport(List<Finding> findings, int rowsChecked) {

    public static final List<String> CSV_HEADER =
            List.of("line", "unit_or_item", "column", "severity", "rule", "printed", "expected", "message");

    public CheckReport {
        findings = findings.stream().sorted(Comparator.comparingInt(Finding::line)).toList();
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }

    /** Exit status of exchange-format §6: 0 when there is no error, 1 when there is at least one. */
    public int exitStatus() {
        return hasErrors() ? 1 : 0;
    }

    /** One line such as {@code 2 lỗi, 0 cảnh báo, 1 ghi chú trong 11 dòng}. */
    public String summary(Locale locale) {
        return Messages.forLocale(locale).format("summary", List.of(
                String.valueOf(count(Severity.ERROR)), String.valueOf(count(Severity.WARNING)),
                String.valueOf(count(Severity.NOTE)), String.valueOf(rowsChecked)));
    }

    /** Writes the findings CSV with Vietnamese messages. */
    public void writeCsv(Appendable out) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(CSV_HEADER.toArray(String[]::new)).get();
        CSVPrinter printer = new CSVPrinter(out, format); // not closed: that would close the caller's stream
        for (Finding f : findings) {
            printer.printRecord(f.line(), f.unitOrItem(), f.column(), f.severity().csvName(), f.rule(),
                    f.printed(), f.expected(), f.message());
        }
        printer.flush();
    }
}
