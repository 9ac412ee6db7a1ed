package vn.giamngheo.exchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Seeded mutations of a valid pair of exchange files (CSV or XLSX). Every case is a pure function of its seed,
 * so a failing case is reproduced by its seed alone.
 */
public final class ExchangeFuzzer {

    /** One mutated pair; {@code label} names the seed and the mutations applied. */
    public record Pair(String label, String householdsName, byte[] households, String membersName, byte[] members) {
        public ByteArrayInputStream householdsStream() {
            return new ByteArrayInputStream(households);
        }

        public ByteArrayInputStream membersStream() {
            return new ByteArrayInputStream(members);
        }

        @Override
        public String toString() {
            return label + " (" + households.length + " + " + members.length + " bytes)";
        }
    }

    static final String[] FORMULAS = {"=cmd|' /C calc'!A0", "+1", "-2", "@SUM(A1:A9)", "=1+1", "'=HYPERLINK(\"x\")",
        "=IMPORTXML(\"http://x\",\"//a\")", "-1+2", "''=x", "'+3"};
    static final String[] WRONG = {"abc", "2026-13-45", "2026-02-30", "1,5", "12.5.3", "-1", "1e999999999",
        "1E+2147483647", "1e-999999999", "99999999999999999999999", "NaN", "Infinity", "0x10", "١٢", " ", "\u0000",
        "yes", "có", "maybe", "0", "3000", "0000", "9999-12-31", "1900-01-01", "2026-10-02", "+5", "00004", "4"};
    static final String[] TEXT_COLUMNS = {"village", "address", "full_name", "ethnicity", "household_code"};

    private final byte[] householdsCsv;
    private final byte[] membersCsv;
    private final byte[] householdsXlsx;
    private final byte[] membersXlsx;
    private final byte[][] bombs = new byte[2][];

    public ExchangeFuzzer(List<HouseholdData> data) {
        HouseholdFileWriter writer = new HouseholdFileWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeHouseholdsCsv(data, out);
        householdsCsv = out.toByteArray();
        out = new ByteArrayOutputStream();
        writer.writeMembersCsv(data, out);
        membersCsv = out.toByteArray();
        out = new ByteArrayOutputStream();
        writer.writeHouseholdsXlsx(data, out);
        householdsXlsx = out.toByteArray();
        out = new ByteArrayOutputStream();
        writer.writeMembersXlsx(data, out);
        membersXlsx = out.toByteArray();
    }

    public Pair validCsv() {
        return new Pair("valid csv", "households.csv", householdsCsv.clone(), "members.csv", membersCsv.clone());
    }

    public Pair validXlsx() {
        return new Pair("valid xlsx", "households.xlsx", householdsXlsx.clone(), "members.xlsx", membersXlsx.clone());
    }

    // ---------------------------------------------------------------- CSV

    /** A mutated CSV pair: one file or both get 1 to 3 mutations. */
    public Pair csvCase(long seed) {
        Random random = new Random(seed);
        StringBuilder label = new StringBuilder("csv seed=" + seed);
        byte[] h = householdsCsv;
        byte[] m = membersCsv;
        int target = random.nextInt(3); // 0 households, 1 members, 2 both
        int count = 1 + (random.nextInt(4) == 0 ? random.nextInt(3) : 0);
        for (int i = 0; i < count; i++) {
            if (target != 1) {
                int kind = random.nextInt(CSV_KINDS);
                label.append(" h:").append(kind);
                h = safely(h, kind, random, true);
            }
            if (target != 0) {
                int kind = random.nextInt(CSV_KINDS);
                label.append(" m:").append(kind);
                m = safely(m, kind, random, false);
            }
        }
        if (random.nextInt(10) == 0) {
            // a cross-file mutation: an identity number used twice, or a member of an unknown household
            label.append(" dup-id");
            m = duplicateIdNumber(m, random);
        }
        return new Pair(label.toString(), "households.csv", h, "members.csv", m);
    }

    static final int CSV_KINDS = 27;

    /** A mutation of text that an earlier mutation already broke beyond recognition leaves it unchanged. */
    private static byte[] safely(byte[] bytes, int kind, Random random, boolean households) {
        try {
            return mutateCsv(bytes, kind, random, households);
        } catch (RuntimeException e) {
            return bytes;
        }
    }

    static byte[] mutateCsv(byte[] bytes, int kind, Random random, boolean households) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return switch (kind) {
            case 0 -> flip(bytes, random, 1 + random.nextInt(8));
            case 1 -> insertBytes(bytes, random);
            case 2 -> deleteBytes(bytes, random);
            case 3 -> insertAt(bytes, random, INVALID_UTF8[random.nextInt(INVALID_UTF8.length)]);
            case 4 -> text.getBytes(StandardCharsets.ISO_8859_1);
            case 5 -> text.getBytes(List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE,
                    StandardCharsets.UTF_16BE, Charset.forName("windows-1258")).get(random.nextInt(4)));
            case 6 -> utf8(insertText(text, random, "\""));
            case 7 -> utf8(quoteInMiddle(text, random));
            case 8 -> utf8(setCell(text, random, -1, "x".repeat(1 << 20)));
            case 9 -> utf8(longLine(text, random));
            case 10 -> utf8(extraCells(text, random));
            case 11 -> utf8(missingCells(text, random));
            case 12 -> utf8(shuffleHeader(text, random, false));
            case 13 -> utf8(shuffleHeader(text, random, true));
            case 14 -> utf8(setCell(text, random, -1, WRONG[random.nextInt(WRONG.length)]));
            case 15 -> utf8(setTextCell(text, random, FORMULAS[random.nextInt(FORMULAS.length)]));
            case 16 -> new byte[0];
            case 17 -> utf8(text.substring(0, text.indexOf('\n') + 1));
            case 18 -> concat(BOMS[random.nextInt(BOMS.length)], random.nextInt(5) == 0 ? new byte[0] : bytes);
            case 19 -> utf8(lineEndings(text, random));
            case 20 -> Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
            case 21 -> utf8(duplicateLine(text, random));
            case 22 -> utf8(deleteLine(text, random));
            case 23 -> insertAt(bytes, random, new byte[] {0, 1, 0x1b, 0x7f});
            case 24 -> utf8(List.of("", "\n", "\r\n\r\n", " ", "\uFEFF", ",,,\n,,,", "\"", "\"\"\"")
                    .get(random.nextInt(8)));
            case 25 -> utf8(setCell(text, random, -1, String.join(";", Collections.nCopies(1 + random.nextInt(50),
                    households ? "tv" : "x"))));
            case 26 -> utf8(setCell(text, random, -1, "\"" + "a,b\nc" + "\""));
            default -> throw new IllegalArgumentException("kind " + kind);
        };
    }

    static final byte[][] INVALID_UTF8 = {
        {(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xFE}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE1, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80,
            (byte) 0x80}, {(byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
    static final byte[][] BOMS = {
        {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xEF, (byte) 0xBB,
            (byte) 0xBF}, {(byte) 0xFE, (byte) 0xFF}, {(byte) 0xFF, (byte) 0xFE}, {0, 0, (byte) 0xFE, (byte) 0xFF},
        {(byte) 0xFF, (byte) 0xFE, 0, 0}, {(byte) 0xEF, (byte) 0xBB}, {0x2B, 0x2F, 0x76, 0x38}};

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }

    static byte[] flip(byte[] bytes, Random random, int times) {
        byte[] result = bytes.clone();
        for (int i = 0; i < times && result.length > 0; i++) {
            result[random.nextInt(result.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return result;
    }

    private static byte[] insertBytes(byte[] bytes, Random random) {
        byte[] inserted = new byte[1 + random.nextInt(16)];
        random.nextBytes(inserted);
        return insertAt(bytes, random, inserted);
    }

    private static byte[] insertAt(byte[] bytes, Random random, byte[] inserted) {
        int at = random.nextInt(bytes.length + 1);
        byte[] result = new byte[bytes.length + inserted.length];
        System.arraycopy(bytes, 0, result, 0, at);
        System.arraycopy(inserted, 0, result, at, inserted.length);
        System.arraycopy(bytes, at, result, at + inserted.length, bytes.length - at);
        return result;
    }

    private static byte[] deleteBytes(byte[] bytes, Random random) {
        if (bytes.length == 0) {
            return bytes;
        }
        int from = random.nextInt(bytes.length);
        int to = Math.min(bytes.length, from + 1 + random.nextInt(64));
        byte[] result = new byte[bytes.length - (to - from)];
        System.arraycopy(bytes, 0, result, 0, from);
        System.arraycopy(bytes, to, result, from, bytes.length - to);
        return result;
    }

    private static String insertText(String text, Random random, String inserted) {
        int at = random.nextInt(text.length() + 1);
        return text.substring(0, at) + inserted + text.substring(at);
    }

    private static List<String> lines(String text) {
        return new ArrayList<>(Arrays.asList(text.split("\r\n", -1)));
    }

    private static String join(List<String> lines) {
        return String.join("\r\n", lines);
    }

    /** Splits a generated line into cells (generated cells contain no comma inside quotes except protected). */
    private static List<String> cells(String line) {
        return new ArrayList<>(Arrays.asList(line.split(",", -1)));
    }

    private static int dataLine(List<String> lines, Random random) {
        int data = Math.max(1, lines.size() - 2); // last element is "" after the final CRLF
        return 1 + random.nextInt(data);
    }

    /** Sets one cell (column {@code column}, or a random one when negative) of a random data line. */
    static String setCell(String text, Random random, int column, String value) {
        List<String> lines = lines(text);
        if (lines.size() < 2) {
            return text;
        }
        int line = dataLine(lines, random);
        List<String> cells = cells(lines.get(line));
        int c = column >= 0 ? Math.min(column, cells.size() - 1) : random.nextInt(cells.size());
        cells.set(c, value);
        lines.set(line, String.join(",", cells));
        return join(lines);
    }

    /** Puts formula-looking text, raw or CSV-quoted, into a text column of a random data line. */
    private static String setTextCell(String text, Random random, String value) {
        List<String> header = cells(lines(text).get(0));
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (Arrays.asList(TEXT_COLUMNS).contains(header.get(i))) {
                candidates.add(i);
            }
        }
        String quoted = value.contains("\"") || value.contains(",") || random.nextBoolean()
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
        int column = candidates.isEmpty() ? -1 : candidates.get(random.nextInt(candidates.size()));
        return setCell(text, random, column, quoted);
    }

    private static String quoteInMiddle(String text, Random random) {
        List<String> lines = lines(text);
        int line = dataLine(lines, random);
        List<String> cells = cells(lines.get(line));
        int c = random.nextInt(cells.size());
        String cell = cells.get(c);
        int at = cell.isEmpty() ? 0 : random.nextInt(cell.length());
        cells.set(c, random.nextBoolean() ? cell.substring(0, at) + "\"" + cell.substring(at) : "\"" + cell);
        lines.set(line, String.join(",", cells));
        return join(lines);
    }

    private static String longLine(String text, Random random) {
        List<String> lines = lines(text);
        int line = dataLine(lines, random);
        lines.set(line, lines.get(line) + (random.nextBoolean() ? ",".repeat(100_000) : " ".repeat(200_000)));
        return join(lines);
    }

    private static String extraCells(String text, Random random) {
        List<String> lines = lines(text);
        int line = random.nextInt(4) == 0 ? 0 : dataLine(lines, random);
        lines.set(line, lines.get(line) + ",extra".repeat(1 + random.nextInt(3)));
        return join(lines);
    }

    private static String missingCells(String text, Random random) {
        List<String> lines = lines(text);
        int line = random.nextInt(4) == 0 ? 0 : dataLine(lines, random);
        List<String> cells = cells(lines.get(line));
        int remove = 1 + random.nextInt(Math.min(3, cells.size()));
        for (int i = 0; i < remove && !cells.isEmpty(); i++) {
            cells.remove(random.nextInt(cells.size()));
        }
        lines.set(line, String.join(",", cells));
        return join(lines);
    }

    /** Shuffles the header only (values end up under wrong columns) or whole columns (still valid). */
    private static String shuffleHeader(String text, Random random, boolean wholeColumns) {
        List<String> lines = lines(text);
        List<String> header = cells(lines.get(0));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        for (int l = 0; l < lines.size(); l++) {
            if (lines.get(l).isEmpty() || (l > 0 && !wholeColumns)) {
                continue;
            }
            List<String> cells = cells(lines.get(l));
            if (cells.size() != order.size()) {
                continue;
            }
            List<String> shuffled = new ArrayList<>();
            for (int i : order) {
                shuffled.add(cells.get(i));
            }
            lines.set(l, String.join(",", shuffled));
        }
        return join(lines);
    }

    private static String lineEndings(String text, Random random) {
        String[] endings = {"\n", "\r", "\r\n", "\n\r"};
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\r\n", -1)) {
            if (!out.isEmpty()) {
                out.append(endings[random.nextInt(random.nextBoolean() ? 2 : 4)]);
            }
            out.append(line);
        }
        return out.toString();
    }

    private static String duplicateLine(String text, Random random) {
        List<String> lines = lines(text);
        int line = dataLine(lines, random);
        lines.add(1 + random.nextInt(lines.size() - 1), lines.get(line));
        return join(lines);
    }

    private static String deleteLine(String text, Random random) {
        List<String> lines = lines(text);
        lines.remove(random.nextInt(4) == 0 ? 0 : dataLine(lines, random));
        return join(lines);
    }

    /** Copies the identity number of one member onto another (when the members file still has that column). */
    static byte[] duplicateIdNumber(byte[] members, Random random) {
        String text = new String(members, StandardCharsets.UTF_8);
        List<String> lines = lines(text);
        int column = cells(lines.get(0)).indexOf("id_number");
        List<Integer> withId = new ArrayList<>();
        for (int l = 1; l < lines.size(); l++) {
            List<String> cells = cells(lines.get(l));
            if (column >= 0 && column < cells.size() && cells.get(column).matches("\\d{12}")) {
                withId.add(l);
            }
        }
        if (withId.size() < 2) {
            return members;
        }
        int from = withId.get(random.nextInt(withId.size()));
        int to = withId.get(random.nextInt(withId.size()));
        if (from == to) {
            return members;
        }
        List<String> cells = cells(lines.get(to));
        cells.set(column, cells(lines.get(from)).get(column));
        lines.set(to, String.join(",", cells));
        return utf8(join(lines));
    }

    // ---------------------------------------------------------------- XLSX

    static final int XLSX_KINDS = 14;

    /** A mutated XLSX pair (sometimes one XLSX and one CSV file). */
    public Pair xlsxCase(long seed) {
        Random random = new Random(seed);
        boolean households = random.nextBoolean();
        int kind = random.nextInt(XLSX_KINDS);
        String label = "xlsx seed=" + seed + (households ? " h:" : " m:") + kind;
        byte[] mutated = mutateXlsx(households ? householdsXlsx : membersXlsx, households ? "households" : "members",
                kind, random);
        return households
                ? new Pair(label, "households.xlsx", mutated, "members.xlsx", membersXlsx)
                : new Pair(label, "households.xlsx", householdsXlsx, "members.xlsx", mutated);
    }

    private byte[] mutateXlsx(byte[] workbook, String sheet, int kind, Random random) {
        return switch (kind) {
            case 0 -> Arrays.copyOf(workbook, random.nextInt(workbook.length));
            case 1 -> {
                byte[] bytes = new byte[random.nextInt(4096)];
                random.nextBytes(bytes);
                if (random.nextBoolean() && bytes.length > 4) {
                    bytes[0] = 'P';
                    bytes[1] = 'K';
                    bytes[2] = 3;
                    bytes[3] = 4;
                }
                yield bytes;
            }
            case 2 -> flip(workbook, random, 1 + random.nextInt(20));
            case 3 -> bomb(workbook);
            case 4 -> rebuild(workbook, sheet, random, Edit.RENAME_SHEET);
            case 5 -> rebuild(workbook, sheet, random, Edit.WRONG_TYPES);
            case 6 -> rebuild(workbook, sheet, random, Edit.FORMULAS);
            case 7 -> rebuild(workbook, sheet, random, Edit.NO_HEADER);
            case 8 -> rebuild(workbook, sheet, random, Edit.FAR_CELL);
            case 9 -> rebuild(workbook, sheet, random, Edit.DATE_CELLS);
            case 10 -> rebuild(workbook, sheet, random, Edit.FORMULA_TEXT);
            case 11 -> rewriteSheetXml(workbook, random);
            case 12 -> rebuild(workbook, sheet, random, Edit.SECOND_SHEET);
            case 13 -> rebuild(workbook, sheet, random, Edit.EMPTY_SHEET);
            default -> throw new IllegalArgumentException("kind " + kind);
        };
    }

    enum Edit { RENAME_SHEET, WRONG_TYPES, FORMULAS, NO_HEADER, FAR_CELL, DATE_CELLS, FORMULA_TEXT, SECOND_SHEET,
        EMPTY_SHEET }

    private static byte[] rebuild(byte[] workbook, String sheetName, Random random, Edit edit) {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet sheet = book.getSheetAt(0);
            int rows = sheet.getLastRowNum();
            int columns = sheet.getRow(0).getLastCellNum();
            switch (edit) {
                case RENAME_SHEET -> book.setSheetName(0, List.of("Sheet1", sheetName.toUpperCase(), sheetName + " ",
                        "data").get(random.nextInt(4)));
                case SECOND_SHEET -> {
                    book.setSheetName(0, "Sheet1");
                    book.createSheet(random.nextBoolean() ? "Sheet2" : sheetName.equals("members") ? "households"
                            : "members");
                }
                case EMPTY_SHEET -> {
                    book.removeSheetAt(0);
                    book.createSheet(sheetName);
                }
                case WRONG_TYPES -> {
                    for (int i = 0; i < 1 + random.nextInt(5); i++) {
                        var cell = sheet.getRow(1 + random.nextInt(rows)).createCell(random.nextInt(columns));
                        switch (random.nextInt(6)) {
                            case 0 -> cell.setCellValue(random.nextDouble() * 1e6 - 1e3);
                            case 1 -> cell.setCellValue(random.nextBoolean());
                            case 2 -> cell.setCellErrorValue(org.apache.poi.ss.usermodel.FormulaError.DIV0.getCode());
                            case 3 -> cell.setBlank();
                            case 4 -> cell.setCellValue(WRONG[random.nextInt(WRONG.length)]);
                            default -> cell.setCellValue(List.of(Double.NaN, Double.POSITIVE_INFINITY, 1e300, -0.0,
                                    1e-300).get(random.nextInt(5)));
                        }
                    }
                }
                case FORMULAS -> {
                    for (int i = 0; i < 1 + random.nextInt(5); i++) {
                        var cell = sheet.getRow(1 + random.nextInt(rows)).createCell(random.nextInt(columns));
                        cell.setCellFormula(List.of("1+1", "A1", "NOW()", "HYPERLINK(\"http://x\",\"y\")", "1/0",
                                "\"yes\"", "TRUE", "SUM(A1:A9)").get(random.nextInt(8)));
                    }
                }
                case NO_HEADER -> sheet.shiftRows(0, rows, 1 + random.nextInt(3));
                case FAR_CELL -> {
                    int row = random.nextBoolean() ? 0 : random.nextInt(rows + 1);
                    var r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
                    r.createCell(16_383).setCellValue("far");
                    if (random.nextBoolean()) {
                        sheet.createRow(1_048_575).createCell(0).setCellValue("far");
                    }
                }
                case DATE_CELLS -> {
                    CellStyle style = book.createCellStyle();
                    style.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
                    for (int i = 0; i < 1 + random.nextInt(5); i++) {
                        var cell = sheet.getRow(1 + random.nextInt(rows)).createCell(random.nextInt(columns));
                        cell.setCellValue(List.of(45000.0, -1.0, 1e9, 2958466.0, 0.5, 1e300, 60.0)
                                .get(random.nextInt(7)));
                        cell.setCellStyle(style);
                    }
                }
                case FORMULA_TEXT -> {
                    int column = -1;
                    for (int c = 0; c < columns; c++) {
                        if (Arrays.asList(TEXT_COLUMNS).contains(sheet.getRow(0).getCell(c).getStringCellValue())
                                && (column < 0 || random.nextBoolean())) {
                            column = c;
                        }
                    }
                    sheet.getRow(1 + random.nextInt(rows)).createCell(Math.max(column, 0))
                            .setCellValue(FORMULAS[random.nextInt(FORMULAS.length)]);
                }
                default -> throw new IllegalArgumentException(edit.name());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the sheet XML by something broken: invalid XML, entity expansion, bad cell references. */
    private static byte[] rewriteSheetXml(byte[] workbook, Random random) {
        String[] replacements = {
            "<worksheet",
            "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;"
                + "&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"
                + "&lol2;\">]><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>",
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><worksheet xmlns="
                + "\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c t=\"inlineStr\">"
                + "<is><t>&xxe;</t></is></c></row></sheetData></worksheet>",
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">"
                + "<c r=\"A1\" t=\"s\"><v>99999</v></c><c r=\"B1\" t=\"n\"><v>abc</v></c></row></sheetData></worksheet>",
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"0\">"
                + "<c r=\"ZZZZZ1\"><v>1</v></c></row><row r=\"-5\"/></sheetData></worksheet>",
            "",
        };
        String replacement = replacements[random.nextInt(replacements.length)];
        return rewriteEntries(workbook, name -> name.startsWith("xl/worksheets/")
                ? replacement.getBytes(StandardCharsets.UTF_8) : null);
    }

    /** A valid workbook whose sheet is padded with 20 MB of spaces (compresses about 1000 to 1); built once. */
    private byte[] bomb(byte[] workbook) {
        int which = workbook == householdsXlsx ? 0 : 1;
        if (bombs[which] == null) {
            bombs[which] = rewriteEntries(workbook, name -> null, " ".repeat(20_000_000));
        }
        return bombs[which];
    }

    private static byte[] rewriteEntries(byte[] workbook, java.util.function.Function<String, byte[]> replace) {
        return rewriteEntries(workbook, replace, null);
    }

    private static byte[] rewriteEntries(byte[] workbook, java.util.function.Function<String, byte[]> replace,
            String padding) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                byte[] replaced = replace.apply(entry.getName());
                if (replaced != null) {
                    content = replaced;
                } else if (padding != null && entry.getName().startsWith("xl/worksheets/")) {
                    content = new String(content, StandardCharsets.UTF_8)
                            .replace("</worksheet>", padding + "</worksheet>").getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
