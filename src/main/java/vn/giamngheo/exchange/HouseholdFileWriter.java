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
    private static final java.time.format.DateTimeFormatter DAY_MONTH_YEAR =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** Whether headers, coded values, yes/no and dates are written for people (exchange-format 1.1). */
    private final boolean labels;

    /** A writer of codes, for machines (exchange-format 1). */
    public HouseholdFileWriter() {
        this(false);
    }

    private HouseholdFileWriter(boolean labels) {
        this.labels = labels;
    }

    /**
     * A writer for people (exchange-format 1.1): Vietnamese column titles, the labels the pages show for coded
     * values, có/không, dates dd/MM/yyyy; numbers as in version 1. The reader reads it back to the same records.
     */
    public static HouseholdFileWriter withVietnameseLabels() {
        return new HouseholdFileWriter(true);
    }

    private List<String> header(List<String> columns) {
        return labels ? columns.stream().map(Labels::title).toList() : columns;
    }

    public void writeHouseholdsCsv(Collection<HouseholdData> data, OutputStream out) {
        writeCsv(header(Columns.HOUSEHOLDS), householdRows(data), out);
    }

    public void writeMembersCsv(Collection<HouseholdData> data, OutputStream out) {
        writeCsv(header(Columns.MEMBERS), memberRows(data), out);
    }

    public void writeHouseholdsXlsx(Collection<HouseholdData> data, OutputStream out) {
        writeXlsx("households", header(Columns.HOUSEHOLDS), householdRows(data), out);
    }

    public void writeMembersXlsx(Collection<HouseholdData> data, OutputStream out) {
        writeXlsx("members", header(Columns.MEMBERS), memberRows(data), out);
    }

    /**
     * One household's row of {@code households.csv} as column name → cell text (codes, {@code yes}/{@code no},
     * {@code YYYY-MM-DD}, decimals with a dot; empty text when not recorded), without the CSV's formula protection:
     * the household JSON of the field app (exchange-format §1 as JSON).
     */
    public java.util.Map<String, String> householdCells(HouseholdData d) {
        return cells(Columns.HOUSEHOLDS, householdRow(d));
    }

    /** The household's rows of {@code members.csv} as column name → cell text, like {@link #householdCells}. */
    public List<java.util.Map<String, String>> memberCells(HouseholdData d) {
        return memberRows(d).stream().map(row -> cells(Columns.MEMBERS, row)).toList();
    }

    private static java.util.Map<String, String> cells(List<String> columns, List<Cell> row) {
        java.util.Map<String, String> cells = new java.util.LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            cells.put(columns.get(i), row.get(i).text());
        }
        return cells;
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

    private List<List<Cell>> householdRows(Collection<HouseholdData> data) {
        List<List<Cell>> rows = new ArrayList<>();
        for (HouseholdData d : data) {
            rows.add(householdRow(d));
        }
        return rows;
    }

    private List<Cell> householdRow(HouseholdData d) {
            HouseholdRecord h = d.household();
            return (List.of(Cell.text(h.householdCode()), Cell.text(h.communeCode()), Cell.text(h.village()),
                    code(h.area()), Cell.text(h.address()),
                    Cell.text(h.referenceDate() == null ? null : date(h.referenceDate())),
                    Cell.number(h.incomePerCapita()), Cell.number(h.b1Score()), code(h.housingQuality()),
                    Cell.number(h.floorAreaM2()), code(h.waterSource()), code(h.toilet()), bool(h.internetUse()),
                    bool(h.telephoneUse()), codes(h.infoDevices()), bool(h.loudspeakerReach()),
                    bool(h.wasteTreatment()), codes(h.causes()), bool(h.ethnicMinority()), bool(h.meritHousehold()),
                    bool(h.socialProtection())));
    }

    private List<List<Cell>> memberRows(Collection<HouseholdData> data) {
        List<List<Cell>> rows = new ArrayList<>();
        for (HouseholdData d : data) {
            rows.addAll(memberRows(d));
        }
        return rows;
    }

    private List<List<Cell>> memberRows(HouseholdData d) {
        List<List<Cell>> rows = new ArrayList<>(d.members().size());
            for (MemberRecord m : d.members()) {
                rows.add(List.of(Cell.text(m.householdCode()), Cell.text(m.communeCode()), Cell.number(m.memberNo()),
                        Cell.text(m.fullName()), Cell.text(m.idNumber()), Cell.text(birthDate(m.birthDate())),
                        code(m.sex()), Cell.text(m.ethnicity()), code(m.relation()), code(m.employment()),
                        bool(m.workingCapacity()), code(m.disability()), bool(m.monthlySocialAllowance()),
                        bool(m.healthInsurance()), bool(m.malnourished()), code(m.education()), bool(m.inSchool()),
                        bool(m.schoolLevelAppropriate()), bool(m.sickUntreated()), bool(m.meritPerson())));
            }
        return rows;
    }

    private Cell code(Coded value) {
        return Cell.text(value == null ? null : labels ? Labels.label(value) : value.code());
    }

    private Cell bool(Boolean value) {
        return Cell.text(value == null ? null : labels ? Labels.yesNo(value) : value ? "yes" : "no");
    }

    private <E extends Enum<E> & Coded> Cell codes(Collection<E> values) {
        return Cell.text(String.join(labels ? "; " : ";", values.stream().sorted(Comparator.naturalOrder())
                .map(v -> labels ? Labels.label(v) : v.code()).toList()));
    }

    private String date(java.time.LocalDate date) {
        return labels ? DAY_MONTH_YEAR.format(date) : date.toString();
    }

    private String birthDate(BirthDate date) {
        return labels && !date.isYearOnly() ? date(date.assumedDate()) : date.toText();
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
            h.printRecord(header(Columns.HOUSEHOLDS));
            m.printRecord(header(Columns.MEMBERS));
            return new CsvPair(this, h, m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Household and member CSV files written one household at a time. */
    public static final class CsvPair implements java.io.Closeable {
        private final HouseholdFileWriter writer;
        private final CSVPrinter households;
        private final CSVPrinter members;

        private CsvPair(HouseholdFileWriter writer, CSVPrinter households, CSVPrinter members) {
            this.writer = writer;
            this.households = households;
            this.members = members;
        }

        public void write(HouseholdData d) {
            try {
                print(households, writer.householdRow(d));
                for (List<Cell> row : writer.memberRows(d)) {
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

    private void writeXlsx(String sheetName, List<String> header, List<List<Cell>> rows, OutputStream out) {
        try {
            WorkbookBuilder workbook = WorkbookBuilder.create();
            WorkbookBuilder.SheetBuilder sheet = workbook.sheet(sheetName);
            if (labels) {
                // for people: bold titles that stay in view, columns wide enough for them
                sheet.header(header).freeze(0, 1).widths(header.size(), c -> Math.max(12, header.get(c).length() + 2));
            } else {
                WorkbookBuilder.RowBuilder headerRow = sheet.row();
                header.forEach(headerRow::text);
            }
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
