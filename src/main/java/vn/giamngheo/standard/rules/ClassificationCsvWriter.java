package vn.giamngheo.standard.rules;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes classification results in exchange-format §3, columns in that order. */
public final class ClassificationCsvWriter {

    public static final List<String> COLUMNS = List.of("household_code", "commune_code", "standard", "area",
            "income_basis", "below_line", "deprivation_count", "deprived", "status", "poor_kind",
            "social_protection");

    public void write(List<Classification> results, Writer out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180);
        printer.printRecord(COLUMNS);
        for (Classification c : results) {
            printer.printRecord(c.householdCode(), c.communeCode(), c.standard(), c.area().code(),
                    c.incomeBasis().code(), c.belowLine() ? "yes" : "no", c.deprivationCount(),
                    String.join(";", c.deprived()), c.status().code(), c.poorKind() == null ? "" : c.poorKind().code(),
                    c.socialProtection() ? "yes" : "no");
        }
        printer.flush();
    }
}
