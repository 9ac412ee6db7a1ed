package vn.giamngheo.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import vn.giamngheo.document.DocumentLabels;
import vn.giamngheo.document.OfficialPdf;
import vn.giamngheo.document.OfficialSheet;
import vn.giamngheo.document.OfficialWorkbook;
import vn.giamngheo.document.PdfColumn;
import vn.giamngheo.document.PdfColumnGroup;
import vn.giamngheo.document.PdfRow;
import vn.giamngheo.document.PdfTable;
import vn.giamngheo.document.SheetColumn;
import vn.giamngheo.document.Signature;
import vn.giamngheo.format.Formats;
import vn.giamngheo.report.view.ReportTable;

/**
 * Writes report tables as files: XLSX laid out like an official table ({@link OfficialWorkbook}: merged
 * Vietnamese headers, number and percentage formats, totals, place, date and signature), A4 landscape PDF laid
 * out by Decree 30/2020 ({@link OfficialPdf}: merged group headers, section rows, widths from the font) and CSV (UTF-8 with a byte-order mark; text that a spreadsheet would
 * take for a formula is prefixed with an apostrophe).
 */
final class ReportFiles {

    private ReportFiles() {
    }

    static byte[] xlsx(List<ReportTable> tables, String place, LocalDate date, Signature signature, Locale locale) {
        OfficialWorkbook book = new OfficialWorkbook();
        int n = 0;
        for (ReportTable t : tables) {
            List<SheetColumn> cols = t.columns().stream().map(c -> new SheetColumn(c.group(), c.header(), kind(c.kind()),
                    c.width())).toList();
            OfficialSheet sheet = book.sheet((++n) + ". " + t.title(), cols);
            sheet.title(t.title());
            t.subtitles().forEach(sheet::subtitle);
            sheet.blank().header();
            for (ReportTable.Line line : t.lines()) {
                switch (line.type()) {
                    case SECTION -> sheet.section(String.valueOf(line.values().get(0)));
                    case ROW -> sheet.row(line.values().toArray());
                    case SUBTOTAL, TOTAL -> {
                        int span = labelSpan(t);
                        List<Object> rest = line.values().subList(span, line.values().size());
                        sheet.totals(String.valueOf(line.values().get(span - 1)), span, rest.toArray());
                    }
                }
            }
            sheet.blank();
            t.notes().forEach(sheet::subtitle);
            sheet.signature(placeDate(place, date, locale), signature);
        }
        return book.finish();
    }

    static byte[] pdf(List<ReportTable> tables, List<String> issuer, String place, LocalDate date, Signature signature,
                      Locale locale) {
        DocumentLabels labels = DocumentLabels.forLocale(locale);
        OfficialPdf pdf = OfficialPdf.createLandscape(labels, tables.get(0).title());
        pdf.header(issuer, labels.get("document.number", labels.get("document.number.blank") + "/"
                + labels.get("document.symbol.report") + "-" + symbol(issuer)), placeDate(place, date, locale));
        boolean first = true;
        for (ReportTable t : tables) {
            if (!first) {
                pdf.tableHeading(t.title(), HEADING_ROOM);
            } else {
                pdf.title(t.title(), t.subtitles().toArray(String[]::new));
            }
            first = false;
            pdf.table(pdfTable(t, locale), PDF_FONT);
            t.notes().forEach(pdf::paragraph);
        }
        List<String> recipients = new ArrayList<>();
        if (issuer.size() > 1) {
            recipients.add(labels.get("document.recipients.report-to", issuer.get(issuer.size() - 2)));
        }
        recipients.add(labels.get("document.recipients.archive"));
        pdf.signatures("", recipients, signature);
        return pdf.finish();
    }

    /** Room for a table's heading, its header rows and a few lines; less than that left: the table starts a page. */
    private static final float HEADING_ROOM = 150f;

    /** The largest font size of a report table in a PDF; a wide table is set smaller so no word is split. */
    static final float PDF_FONT = 11f;

    /**
     * A report table as printed: the columns of one group under one merged cell, section rows across the table,
     * subtotals and the total in bold with their label merged over the label columns, numbers in the reader's
     * conventions ({@link Formats}: counts with thousands separators, rates with two decimals).
     */
    static PdfTable pdfTable(ReportTable t, Locale locale) {
        Formats formats = Formats.of(locale);
        List<PdfColumn> cols = new ArrayList<>();
        for (ReportTable.Column c : t.columns()) {
            cols.add(new PdfColumn(c.header(), c.width(), c.kind() == ReportTable.Kind.TEXT ? PdfColumn.Align.LEFT
                    : c.kind() == ReportTable.Kind.CENTERED ? PdfColumn.Align.CENTER : PdfColumn.Align.RIGHT));
        }
        List<PdfColumnGroup> groups = PdfTable.groupsOf(t.columns().stream().map(ReportTable.Column::group).toList());
        int span = labelSpan(t);
        List<PdfRow> rows = new ArrayList<>();
        for (ReportTable.Line line : t.lines()) {
            if (line.type() == ReportTable.LineType.SECTION) {
                rows.add(PdfRow.section(String.valueOf(line.values().get(0))));
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (Object v : line.values()) {
                cells.add(v == null ? "" : v instanceof Double d ? formats.decimal(d * 100, 2)
                        : v instanceof Number n ? formats.count(n) : v.toString());
            }
            rows.add(line.type() == ReportTable.LineType.ROW ? PdfRow.of(cells) : PdfRow.total(cells, span));
        }
        return new PdfTable(cols, groups, rows, false);
    }

    /** The issuing body's part of the symbol: "UBND" for a People's Committee, the ministry's letters otherwise. */
    private static String symbol(List<String> issuer) {
        String own = issuer.isEmpty() ? "" : issuer.get(issuer.size() - 1);
        return own.startsWith("UBND") ? "UBND" : "BNNMT";
    }

    static byte[] csv(List<ReportTable> tables, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            w.write('\uFEFF');
            for (ReportTable t : tables) {
                csv.printRecord(safe(t.title()));
                for (String s : t.subtitles()) {
                    csv.printRecord(safe(s));
                }
                csv.printRecord(t.columns().stream().map(c -> safe(c.group() == null ? c.header()
                        : c.group() + " — " + c.header())).toList());
                for (ReportTable.Line line : t.lines()) {
                    if (line.type() == ReportTable.LineType.SECTION) {
                        csv.printRecord(safe(String.valueOf(line.values().get(0))));
                        continue;
                    }
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < line.values().size(); i++) {
                        Object v = line.values().get(i);
                        cells.add(v == null ? "" : v instanceof Double d ? percentPlain(d)
                                : v instanceof Number num ? num.toString() : safe(v.toString()));
                    }
                    csv.printRecord(cells);
                }
                for (String note : t.notes()) {
                    csv.printRecord(safe(note));
                }
                csv.println();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A value as printed on a page or in a PDF: "1.234", "5,23" (Vietnamese) or "1,234", "5.23" (English). */
    /**
     * Printed values in the reader's format (shares as percentages with two decimals, counts with thousands
     * separators); made once per table, not per cell (formats are costly to build, and not thread-safe).
     */
    /**
     * Counts with grouping ({@code #,##0}) and percentages with two decimals ({@code 0.00}, half up) in the
     * locale's symbols. Written by hand rather than through {@code DecimalFormat}: a provincial table prints
     * thousands of cells per page; {@code ReportNumbersTest} checks the output against {@code DecimalFormat}.
     */
    static final class Numbers {
        private final char grouping;
        private final char decimal;

        Numbers(Locale locale) {
            DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance("vi".equals(locale.getLanguage())
                    ? Locale.forLanguageTag("vi-VN") : Locale.ENGLISH);
            grouping = symbols.getGroupingSeparator();
            decimal = symbols.getDecimalSeparator();
        }

        String show(Object v) {
            if (v == null) {
                return "";
            }
            if (v instanceof Double d) {
                return BigDecimal.valueOf(d * 100).setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', decimal);
            }
            if (v instanceof Number n) {
                return count(n.longValue());
            }
            return v.toString();
        }

        private String count(long value) {
            String digits = Long.toString(value);
            int start = value < 0 ? 1 : 0;
            int length = digits.length() - start;
            if (length <= 3) {
                return digits;
            }
            StringBuilder b = new StringBuilder(digits.length() + length / 3);
            b.append(digits, 0, start);
            int first = length % 3 == 0 ? 3 : length % 3;
            b.append(digits, start, start + first);
            for (int i = start + first; i < digits.length(); i += 3) {
                b.append(grouping).append(digits, i, i + 3);
            }
            return b.toString();
        }
    }

    private static String percentPlain(double share) {
        return BigDecimal.valueOf(share * 100).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Text a spreadsheet would read as a formula gets an apostrophe in front. */
    static String safe(String text) {
        if (text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    private static int labelSpan(ReportTable t) {
        int span = 0;
        while (span < t.columns().size() && (t.columns().get(span).kind() == ReportTable.Kind.TEXT
                || t.columns().get(span).kind() == ReportTable.Kind.CENTERED)) {
            span++;
        }
        return Math.max(1, span);
    }

    static String placeDate(String place, LocalDate date, Locale locale) {
        int month = date.getMonthValue();
        return DocumentLabels.forLocale(locale).get("document.place-date", place, String.format("%02d", date.getDayOfMonth()),
                month <= 2 ? String.format("%02d", month) : String.valueOf(month), String.valueOf(date.getYear()));
    }

    private static SheetColumn.Kind kind(ReportTable.Kind k) {
        return switch (k) {
            case TEXT -> SheetColumn.Kind.TEXT;
            case CENTERED -> SheetColumn.Kind.CENTERED;
            case INTEGER -> SheetColumn.Kind.INTEGER;
            case PERCENT -> SheetColumn.Kind.PERCENT;
        };
    }
}
