package vn.giamngheo.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.giamngheo.document.DocumentLabels;
import vn.giamngheo.document.DocxColumn;
import vn.giamngheo.document.DocxRow;
import vn.giamngheo.document.OfficialDocx;
import vn.giamngheo.document.Signature;
import vn.giamngheo.format.Formats;
import vn.giamngheo.report.view.ReportTable;

/**
 * Report tables as a Word file on A4 landscape ({@link OfficialDocx}), the same tables as the PDF: the issuing body
 * and the national motto, the number left blank for the office ("Số:      /BC-UBND"), place and date, the title, each table with its grouped columns under merged header cells,
 * section rows spanning the table, subtotals and totals in bold, the notes, the recipients and the signature. Counts
 * are written with thousands separators and shares as percentages with two decimals, in the reader's language.
 */
final class ReportDocx {

    /** Above this many columns a table is set in 10 pt so that it fits the width of the page. */
    private static final int WIDE = 10;

    /** The report's number is given by the office when it is signed: room to write it in. */
    private static final String NUMBER_LEFT_BLANK = "      ";

    private ReportDocx() {
    }

    /** The symbol of a report ("Số:      /BC-UBND"): of the People's Committee, or of the ministry. */
    static String symbol(List<String> issuer) {
        boolean committee = !issuer.isEmpty() && issuer.get(issuer.size() - 1).startsWith("UBND");
        return committee ? "/BC-UBND" : "/BC-BNNMT";
    }

    static byte[] write(List<ReportTable> tables, List<String> issuer, String place, LocalDate date, Signature signature,
                        List<String> recipients, Locale locale) {
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("no report table to write");
        }
        DocumentLabels labels = DocumentLabels.forLocale(locale);
        Formats formats = Formats.of(locale);
        OfficialDocx docx = OfficialDocx.createLandscape(labels, tables.get(0).title());
        String placeDate = ReportFiles.placeDate(place, date, locale);
        docx.header(issuer, labels.get("document.number", NUMBER_LEFT_BLANK + symbol(issuer)), placeDate);
        boolean first = true;
        for (ReportTable t : tables) {
            if (first) {
                docx.title(t.title(), t.subtitles().toArray(String[]::new));
            } else {
                docx.heading(t.title());
            }
            first = false;
            List<DocxColumn> columns = new ArrayList<>();
            for (ReportTable.Column c : t.columns()) {
                columns.add(new DocxColumn(c.group(), c.header(), c.width(), switch (c.kind()) {
                    case TEXT -> DocxColumn.Align.LEFT;
                    case CENTERED -> DocxColumn.Align.CENTER;
                    case INTEGER, PERCENT -> DocxColumn.Align.RIGHT;
                }));
            }
            List<DocxRow> rows = new ArrayList<>();
            for (ReportTable.Line line : t.lines()) {
                if (line.type() == ReportTable.LineType.SECTION) {
                    rows.add(DocxRow.section(String.valueOf(line.values().get(0))));
                    continue;
                }
                List<String> cells = line.values().stream().map(v -> show(v, formats)).toList();
                rows.add(line.type() == ReportTable.LineType.ROW ? DocxRow.row(cells) : DocxRow.total(cells));
            }
            docx.table(columns, rows, columns.size() > WIDE ? 10 : OfficialDocx.TABLE, false);
            t.notes().forEach(docx::note);
        }
        docx.signatures("", recipients, List.of(signature));
        return docx.finish();
    }

    /** A value as printed: text as it is, a count with separators, a share (a fraction) in per cent, two decimals. */
    static String show(Object value, Formats formats) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double share) {
            return formats.decimal(BigDecimal.valueOf(share).multiply(BigDecimal.valueOf(100)), 2);
        }
        if (value instanceof Number n) {
            return formats.count(n);
        }
        return value.toString();
    }
}
