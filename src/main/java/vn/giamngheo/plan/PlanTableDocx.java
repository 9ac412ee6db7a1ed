package vn.giamngheo.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import vn.giamngheo.document.DocumentLabels;
import vn.giamngheo.document.DocxColumn;
import vn.giamngheo.document.DocxRow;
import vn.giamngheo.document.OfficialDocx;
import vn.giamngheo.document.Signature;
import vn.giamngheo.format.Formats;

/**
 * The plan target table as a Word file on A4 landscape, the same content as the PDF ({@link PlanTablePdf}): the
 * issuing body and the national motto, place and date, the title, the table with its merged group headers and a row
 * of column numbers, one row per commune and the total in bold, the coverage targets with their progress, the
 * recipients and the signature block.
 */
final class PlanTableDocx {

    private PlanTableDocx() {
    }

    static byte[] write(Plan plan, List<Plan> children, List<PlanCoverage.Tracked> coverage, List<String> issuer,
                        LocalDate date, MessageSource messages, Locale locale) {
        PlanTablePdf.Labels l = new PlanTablePdf.Labels(messages, locale);
        DocumentLabels labels = DocumentLabels.forLocale(locale);
        Formats formats = Formats.of(locale);
        String placeDate = PlanTablePdf.placeDate(labels, plan.unitName(), date);
        String title = l.get("plan.pdf.title", formats.year(plan.year()));
        OfficialDocx docx = OfficialDocx.createLandscape(labels, title + " — " + plan.unitName());
        docx.header(issuer, "", placeDate);
        docx.title(title, plan.unitName(), l.get("plan.pdf.baseline", formats.date(plan.baselineDate())));
        String count = l.get("plan.pdf.count");
        String rate = l.get("plan.pdf.rate");
        List<DocxColumn> columns = List.of(
                DocxColumn.of(l.get("plan.pdf.no"), 3, DocxColumn.Align.CENTER),
                DocxColumn.of(l.get("plan.unit"), 16, DocxColumn.Align.LEFT),
                DocxColumn.of(l.get("plan.households"), 7, DocxColumn.Align.RIGHT),
                new DocxColumn(l.get("plan.pdf.poorStart"), count, 6, DocxColumn.Align.RIGHT),
                new DocxColumn(l.get("plan.pdf.poorStart"), rate, 6, DocxColumn.Align.RIGHT),
                new DocxColumn(l.get("plan.pdf.reduction"), count, 6, DocxColumn.Align.RIGHT),
                new DocxColumn(l.get("plan.pdf.reduction"), l.get("plan.pdf.points"), 6, DocxColumn.Align.RIGHT),
                new DocxColumn(l.get("plan.pdf.poorEnd"), count, 6, DocxColumn.Align.RIGHT),
                new DocxColumn(l.get("plan.pdf.poorEnd"), rate, 6, DocxColumn.Align.RIGHT),
                new DocxColumn(l.get("plan.poorPolicy"), count, 6, DocxColumn.Align.RIGHT),
                new DocxColumn(l.get("plan.poorPolicy"), rate, 6, DocxColumn.Align.RIGHT),
                new DocxColumn(l.get("plan.poorSocialProtection"), count, 6, DocxColumn.Align.RIGHT),
                new DocxColumn(l.get("plan.poorSocialProtection"), rate, 6, DocxColumn.Align.RIGHT));
        List<DocxRow> rows = new ArrayList<>();
        int no = 0;
        for (PlanTableWorkbook.Line line : PlanTableWorkbook.lines(plan, children)) {
            boolean total = line.unit().equals(PlanTableWorkbook.TOTAL) && !children.isEmpty();
            List<String> cells = new ArrayList<>();
            cells.add(total ? "" : formats.count(++no));
            cells.add(total ? l.get("plan.pdf.total") : line.unit());
            for (Number n : line.values()) {
                cells.add(n instanceof BigDecimal d ? formats.decimal(d, 2) : formats.count(n));
            }
            rows.add(total ? DocxRow.total(cells) : DocxRow.row(cells));
        }
        docx.table(columns, rows, 11, true);
        if (!coverage.isEmpty()) {
            docx.heading(l.get("plan.coverage.title"));
            List<DocxColumn> cc = List.of(
                    DocxColumn.of(l.get("plan.pdf.no"), 3, DocxColumn.Align.CENTER),
                    DocxColumn.of(l.get("plan.coverage.code"), 20, DocxColumn.Align.LEFT),
                    DocxColumn.of(l.get("plan.coverage.group"), 10, DocxColumn.Align.LEFT),
                    DocxColumn.of(l.get("plan.coverage.target"), 7, DocxColumn.Align.RIGHT),
                    DocxColumn.of(l.get("plan.coverage.baseline"), 7, DocxColumn.Align.RIGHT),
                    DocxColumn.of(l.get("plan.coverage.now"), 7, DocxColumn.Align.RIGHT),
                    DocxColumn.of(l.get("plan.projected"), 7, DocxColumn.Align.RIGHT),
                    DocxColumn.of(l.get("plan.mark"), 9, DocxColumn.Align.CENTER));
            List<List<String>> cr = new ArrayList<>();
            int i = 0;
            for (PlanCoverage.Tracked t : coverage) {
                cr.add(List.of(formats.count(++i), l.code(t), l.get("plan.coverage.group." + t.target().group()),
                        formats.decimal(t.target().targetShare(), 2), formats.decimal(t.progress().baseline().percent(), 2),
                        formats.decimal(t.progress().now().percent(), 2), formats.decimal(t.progress().projectedPercent(), 2),
                        l.get("plan.mark." + t.progress().mark())));
            }
            docx.table(cc, cr, 11);
        }
        List<String> recipients = new ArrayList<>();
        if (issuer.size() > 1) {
            recipients.add(labels.get("document.recipients.report", issuer.get(0)));
        }
        recipients.add(labels.get("document.recipients.archive"));
        docx.signatures(placeDate, recipients, List.of(new Signature(List.of(l.get("plan.pdf.sign.body"),
                l.get("plan.pdf.sign.title")), l.get("plan.pdf.sign.note"), "")));
        return docx.finish();
    }
}
