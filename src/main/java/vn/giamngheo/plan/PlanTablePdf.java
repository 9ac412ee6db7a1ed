package vn.giamngheo.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import vn.giamngheo.document.DocumentLabels;
import vn.giamngheo.document.OfficialPdf;
import vn.giamngheo.document.PdfColumn;
import vn.giamngheo.document.PdfColumnGroup;
import vn.giamngheo.document.Signature;
import vn.giamngheo.format.Formats;

/**
 * The plan target table as a PDF on A4 landscape, laid out like the printed tables (Decree 30/2020, {@link
 * OfficialPdf}): the issuing body and the national motto, number and symbol (…/KH-UBND), place and date, the title, the table with two header rows and a row of column numbers, one row
 * per commune and the total row in bold (the same lines as {@link PlanTableWorkbook}), then the coverage targets
 * with their progress, the recipients and the signature block.
 */
final class PlanTablePdf {

    private PlanTablePdf() {
    }

    static byte[] write(Plan plan, List<Plan> children, List<PlanCoverage.Tracked> coverage, List<String> issuer,
                        LocalDate date, MessageSource messages, Locale locale) {
        Labels l = new Labels(messages, locale);
        DocumentLabels labels = DocumentLabels.forLocale(locale);
        String placeDate = placeDate(labels, plan.unitName(), date);
        String title = l.get("plan.pdf.title", String.valueOf(plan.year()));
        OfficialPdf pdf = OfficialPdf.createLandscape(labels, title + " — " + plan.unitName());
        pdf.header(issuer, labels.get("document.number", labels.get("document.number.blank") + "/"
                + labels.get("document.symbol.plan") + "-UBND"), placeDate);
        pdf.title(title, plan.unitName(), l.get("plan.pdf.baseline", shortDate(plan.baselineDate())));
        List<PdfColumn> columns = List.of(
                new PdfColumn(l.get("plan.pdf.no"), 3, PdfColumn.Align.CENTER),
                new PdfColumn(l.get("plan.unit"), 16, PdfColumn.Align.LEFT),
                new PdfColumn(l.get("plan.households"), 7, PdfColumn.Align.RIGHT),
                new PdfColumn(l.get("plan.pdf.count"), 6, PdfColumn.Align.RIGHT),
                new PdfColumn(l.get("plan.pdf.rate"), 6, PdfColumn.Align.RIGHT),
                new PdfColumn(l.get("plan.pdf.count"), 6, PdfColumn.Align.RIGHT),
                new PdfColumn(l.get("plan.pdf.points"), 6, PdfColumn.Align.RIGHT),
                new PdfColumn(l.get("plan.pdf.count"), 6, PdfColumn.Align.RIGHT),
                new PdfColumn(l.get("plan.pdf.rate"), 6, PdfColumn.Align.RIGHT),
                new PdfColumn(l.get("plan.pdf.count"), 6, PdfColumn.Align.RIGHT),
                new PdfColumn(l.get("plan.pdf.rate"), 6, PdfColumn.Align.RIGHT),
                new PdfColumn(l.get("plan.pdf.count"), 6, PdfColumn.Align.RIGHT),
                new PdfColumn(l.get("plan.pdf.rate"), 6, PdfColumn.Align.RIGHT));
        List<PdfColumnGroup> groups = List.of(PdfColumnGroup.single(), PdfColumnGroup.single(), PdfColumnGroup.single(),
                new PdfColumnGroup(l.get("plan.pdf.poorStart"), 2), new PdfColumnGroup(l.get("plan.pdf.reduction"), 2),
                new PdfColumnGroup(l.get("plan.pdf.poorEnd"), 2), new PdfColumnGroup(l.get("plan.poorPolicy"), 2),
                new PdfColumnGroup(l.get("plan.poorSocialProtection"), 2));
        List<List<String>> rows = new ArrayList<>();
        List<PlanTableWorkbook.Line> lines = PlanTableWorkbook.lines(plan, children);
        int no = 0;
        for (PlanTableWorkbook.Line line : lines) {
            boolean total = line.unit().equals(PlanTableWorkbook.TOTAL) && !children.isEmpty();
            List<String> cells = new ArrayList<>();
            cells.add(total ? "" : String.valueOf(++no));
            cells.add(total ? l.get("plan.pdf.total") : line.unit());
            List<Number> v = line.values();
            // values: households, poor, rate, reduction, rate, end, rate, policy, rate, social protection, rate
            for (Number n : v) {
                cells.add(n instanceof BigDecimal d ? decimal(d, locale) : integer(n.longValue(), locale));
            }
            rows.add(cells);
        }
        pdf.groupedTable(columns, groups, rows, 8.5f, true, children.isEmpty() ? 0 : 1);
        if (!coverage.isEmpty()) {
            pdf.heading(l.get("plan.coverage.title"));
            List<PdfColumn> cc = List.of(
                    new PdfColumn(l.get("plan.pdf.no"), 3, PdfColumn.Align.CENTER),
                    new PdfColumn(l.get("plan.coverage.code"), 20, PdfColumn.Align.LEFT),
                    new PdfColumn(l.get("plan.coverage.group"), 10, PdfColumn.Align.LEFT),
                    new PdfColumn(l.get("plan.coverage.target"), 7, PdfColumn.Align.RIGHT),
                    new PdfColumn(l.get("plan.coverage.baseline"), 7, PdfColumn.Align.RIGHT),
                    new PdfColumn(l.get("plan.coverage.now"), 7, PdfColumn.Align.RIGHT),
                    new PdfColumn(l.get("plan.projected"), 7, PdfColumn.Align.RIGHT),
                    new PdfColumn(l.get("plan.mark"), 9, PdfColumn.Align.CENTER));
            List<List<String>> cr = new ArrayList<>();
            int i = 0;
            for (PlanCoverage.Tracked t : coverage) {
                cr.add(List.of(String.valueOf(++i), l.code(t), l.get("plan.coverage.group." + t.target().group()),
                        decimal(t.target().targetShare(), locale), decimal(t.progress().baseline().percent(), locale),
                        decimal(t.progress().now().percent(), locale), decimal(t.progress().projectedPercent(), locale),
                        l.get("plan.mark." + t.progress().mark())));
            }
            pdf.table(cc, cr, 8.5f);
        }
        List<String> recipients = new ArrayList<>();
        if (issuer.size() > 1) {
            recipients.add(labels.get("document.recipients.report-to", issuer.get(issuer.size() - 2)));
        }
        if (!children.isEmpty()) {
            recipients.add(labels.get("document.recipients.carry-out", labels.get("document.recipients.units")));
        }
        recipients.add(labels.get("document.recipients.archive"));
        pdf.signatures(placeDate, recipients, new Signature(List.of(l.get("plan.pdf.sign.body"), l.get("plan.pdf.sign.title")),
                l.get("plan.pdf.sign.note"), ""));
        return pdf.finish();
    }

    static String decimal(BigDecimal d, Locale locale) {
        return Formats.of(locale).decimal(d, 2);
    }

    static String integer(long n, Locale locale) {
        return Formats.of(locale).count(n);
    }

    static String shortDate(LocalDate d) {
        return String.format("%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    static String placeDate(DocumentLabels labels, String place, LocalDate date) {
        int month = date.getMonthValue();
        return labels.get("document.place-date", place, String.format("%02d", date.getDayOfMonth()),
                month <= 2 ? String.format("%02d", month) : String.valueOf(month), String.valueOf(date.getYear()));
    }

    /** Labels of the plan bundle in one language. */
    record Labels(MessageSource messages, Locale locale) {
        String get(String key, Object... args) {
            return messages.getMessage(key, args, key, locale);
        }

        /** The target's name; for a target amount followed by actual / target (share reached), in the language's numbers. */
        String code(PlanCoverage.Tracked t) {
            if (!t.target().amount()) {
                return code(t.target());
            }
            Formats f = Formats.of(locale);
            return code(t.target()) + " — " + get("plan.coverage.amount.value", f.upTo(t.actual(), 2),
                    f.upTo(t.target().targetAmount(), 2), f.upTo(t.reached(), 2));
        }

        /** An indicator's or dimension's name. */
        String code(CoverageTarget t) {
            if (PlanCoverage.AMOUNT_KINDS.contains(t.kind())) {
                return messages.getMessage("plan.coverage." + t.kind() + "." + t.code(), null,
                        get("plan.coverage.credit_disbursed.other"), locale);
            }
            if (t.kind().equals(PlanCoverage.PEOPLE)) {
                return get("plan.coverage.people." + t.code());
            }
            if (t.kind().equals(PlanCoverage.CREDIT)) {
                return messages.getMessage("plan.coverage.credit." + t.code(), null,
                        get("plan.coverage.credit.other"), locale);
            }
            String key = t.kind().equals("indicator") ? "classification.indicator." + t.code() : "analysis.dimension." + t.code();
            String name = messages.getMessage(key, null, t.code(), locale);
            return t.kind().equals("dimension") ? get("plan.coverage.dimension", name) : name;
        }
    }
}
