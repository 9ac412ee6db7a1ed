package vn.giamngheo.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import vn.giamngheo.document.WorkbookBuilder;

/**
 * Writes households and members in the exchange format (CSV, UTF-8 without BOM, RFC 4180; or XLSX with one
 * sheet per file). Protection against formula injection:
 * <ul>
 * <li>XLSX: text is always written as a string cell, never as a formula; numbers as numeric cells.</li>
 * <li>CSV: a <em>text</em> value that begins with {@code =}, {@code +}, {@code -}, {@code @} (or with a
 * {@code '}) gets one leading {@code '} so spreadsheet programs show it as text. Numbers are never
 * changed. The reader removes that quote again ({@link #unprotect}), so write → read is lossless.</li>
 * </ul>
 */
public final class HouseholdFileWriter {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    public void writeHouseholdsCsv(Collection<HouseholdData> data, OutputStream out) {
        writeCsv(Columns.HOUSEHOLDS, householdRows(data), out);
    }

    public void writeMembersCsv(Collection<HouseholdData> data, OutputStream out) {
        writeCsv(Columns.MEMBERS, memberRows(data), out);
    }

    public void writeHouseholdsXlsx(Collection<HouseholdData> data, OutputStream out) {
        writeXlsx("households", Columns.HOUSEHOLDS, householdRows(data), out);
    }

    public void writeMembersXlsx(Collection<HouseholdData> data, OutputStream out) {
        writeXlsx("members", Columns.MEMBERS, memberRows(data), out);
    }

    /** Prefixes a quote to text that a spreadsheet would read as a formula. */
    static String protect(String text) {
        if (!text.isEmpty() && "=+-@'".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    /** Removes the quote added by {@link #protect}. */
    public static String unprotect(String text) {
        if (text.length() >= 2 && text.charAt(0) == '\'' && "=+-@'".indexOf(text.charAt(1)) >= 0) {
            return text.substring(1);
        }
        return text;
    }

    /** A cell to write: text (protected in CSV) or a number (never changed). */
    private record Cell(String text, boolean number) {
        static Cell text(String value) {
            return new Cell(value == null ? "" : value, false);
        }

        static Cell number(Object value) {
            return value == null ? text(null) : new Cell(value instanceof BigDecimal d
                    ? d.toPlainString() : String.valueOf(value), true);
        }
    }

    private static List<List<Cell>> householdRows(Collection<HouseholdData> data) {
        List<List<Cell>> rows = new ArrayList<>();
        for (HouseholdData d : data) {
            rows.add(householdRow(d));
        }
        return rows;
    }

    private static List<Cell> householdRow(HouseholdData d) {
            HouseholdRecord h = d.household();
            return (List.of(Cell.text(h.householdCode()), Cell.text(h.communeCode()), Cell.text(h.village()),
                    code(h.area()), Cell.text(h.address()),
                    Cell.text(h.referenceDate() == null ? null : h.referenceDate().toString()),
                    Cell.number(h.incomePerCapita()), Cell.number(h.b1Score()), code(h.housingQuality()),
                    Cell.number(h.floorAreaM2()), code(h.waterSource()), code(h.toilet()), bool(h.internetUse()),
                    bool(h.telephoneUse()), codes(h.infoDevices()), bool(h.loudspeakerReach()),
                    bool(h.wasteTreatment()), codes(h.causes()), bool(h.ethnicMinority()), bool(h.meritHousehold()),
                    bool(h.socialProtection())));
    }

    private static List<List<Cell>> memberRows(Collection<HouseholdData> data) {
        List<List<Cell>> rows = new ArrayList<>();
        for (HouseholdData d : data) {
            rows.addAll(memberRows(d));
        }
        return rows;
    }

    private static List<List<Cell>> memberRows(HouseholdData d) {
        List<List<Cell>> rows = new ArrayList<>(d.members().size());
            for (MemberRecord m : d.members()) {
                rows.add(List.of(Cell.text(m.householdCode()), Cell.text(m.communeCode()), Cell.number(m.memberNo()),
                        Cell.text(m.fullName()), Cell.text(m.idNumber()), Cell.text(m.birthDate().toText()),
                        code(m.sex()), Cell.text(m.ethnicity()), code(m.relation()), code(m.employment()),
                        bool(m.workingCapacity()), code(m.disability()), bool(m.monthlySocialAllowance()),
                        bool(m.healthInsurance()), bool(m.malnourished()), code(m.education()), bool(m.inSchool()),
                        bool(m.schoolLevelAppropriate()), bool(m.sickUntreated()), bool(m.meritPerson())));
            }
        return rows;
    }

    private static Cell code(Coded value) {
        return Cell.text(value == null ? null : value.code());
    }

    private static Cell bool(Boolean value) {
        return Cell.text(value == null ? null : value ? "yes" : "no");
    }

    private static <E extends Enum<E> & Coded> Cell codes(Collection<E> values) {
        return Cell.text(String.join(";", values.stream().sorted(Comparator.naturalOrder()).map(Coded::code).toList()));
    }

    /**
     * Opens a pair of CSV files to write household after household with bounded memory: each household's
     * members follow in {@code members} in the order of {@code households} (the order a bulk import reads).
     * Closing flushes and closes both streams.
     */
    public CsvPair openCsv(OutputStream households, OutputStream members) {
        try {
            CSVPrinter h = new CSVPrinter(new java.io.BufferedWriter(new OutputStreamWriter(households, StandardCharsets.UTF_8), 1 << 16), FORMAT);
            CSVPrinter m = new CSVPrinter(new java.io.BufferedWriter(new OutputStreamWriter(members, StandardCharsets.UTF_8), 1 << 16), FORMAT);
            h.printRecord(Columns.HOUSEHOLDS);
            m.printRecord(Columns.MEMBERS);
            return new CsvPair(h, m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Household and member CSV files written one household at a time. */
    public static final class CsvPair implements java.io.Closeable {
        private final CSVPrinter households;
        private final CSVPrinter members;

        private CsvPair(CSVPrinter households, CSVPrinter members) {
            this.households = households;
            this.members = members;
        }

        public void write(HouseholdData d) {
            try {
                print(households, householdRow(d));
                for (List<Cell> row : memberRows(d)) {
                    print(members, row);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            try (households; members) {
                households.flush();
                members.flush();
            }
        }
    }

    private static void print(CSVPrinter printer, List<Cell> row) throws IOException {
        for (Cell c : row) {
            printer.print(c.number() ? c.text() : protect(c.text()));
        }
        printer.println();
    }

    private static void writeCsv(List<String> header, List<List<Cell>> rows, OutputStream out) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(writer, FORMAT);
            printer.printRecord(header);
            for (List<Cell> row : rows) {
                printer.printRecord(row.stream().map(c -> c.number() ? c.text() : protect(c.text())).toList());
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeXlsx(String sheetName, List<String> header, List<List<Cell>> rows, OutputStream out) {
        try {
            WorkbookBuilder workbook = WorkbookBuilder.create();
            WorkbookBuilder.SheetBuilder sheet = workbook.sheet(sheetName);
            WorkbookBuilder.RowBuilder headerRow = sheet.row();
            header.forEach(headerRow::text);
            for (List<Cell> cells : rows) {
                WorkbookBuilder.RowBuilder row = sheet.row();
                for (Cell cell : cells) {
                    if (cell.text().isEmpty()) {
                        row.skip();
                    } else if (cell.number()) {
                        row.number(Double.parseDouble(cell.text()));
                    } else {
                        row.text(cell.text());
                    }
                }
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
