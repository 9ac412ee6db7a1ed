package vn.giamngheo.document;

import com.lowagie.text.Element;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Certificates of poor and near-poor households (form 03, Circular 07/2021/TT-BLĐTBXH): the household, its
 * members, one stamp box per year of the standard's period for the commune's yearly confirmation, and the
 * commune chair's signature. One household per page.
 */
public final class CertificatePdf {

    private static final int BOXES_PER_ROW = 5;
    /** Above this many members the list is set smaller so the certificate stays on one page. */
    private static final int LARGE_HOUSEHOLD = 10;
    private static final float COMPACT_FONT = 8.5f;
    private static final float STAMP_HEIGHT = 58f;
    private static final float MIN_STAMP_HEIGHT = 20f;
    /** Room over each row of boxes for its year line, and a little to spare. */
    private static final float YEAR_LINE = 20f;
    private static final float SPARE = 4f;

    private CertificatePdf() {
    }

    public static byte[] render(Certificate certificate, Locale locale) {
        return renderAll(List.of(certificate), locale);
    }

    /** Many certificates in one file, one page each, in the given order. */
    public static byte[] renderAll(List<Certificate> certificates, Locale locale) {
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("no certificate to print");
        }
        DocumentLabels labels = DocumentLabels.forLocale(locale);
        OfficialPdf pdf = OfficialPdf.create(labels, labels.get("document.certificate.file-title"));
        for (int i = 0; i < certificates.size(); i++) {
            if (i > 0) {
                pdf.nextDocument();
            }
            write(pdf, certificates.get(i));
        }
        return pdf.finish();
    }

    private static void write(OfficialPdf pdf, Certificate c) {
        DocumentLabels labels = pdf.labels();
        String kind = c.list().name();
        String number = c.number().isEmpty() ? "      " : c.number();
        pdf.header(c.commune().issuerLines(labels), labels.get("document.number", number + "/" + c.list().symbol()),
                PlaceDate.line(labels, c.commune().commune(), c.issuedOn()));
        pdf.title(labels.get("document.certificate.title." + kind),
                labels.get("document.certificate.year", String.valueOf(c.listYear())));
        pdf.paragraph(labels.get("document.certificate.certifies", c.commune().inSentence()));
        pdf.field(labels.get("document.certificate.head"), c.head());
        pdf.field(labels.get("document.certificate.address"), c.commune().address(c.address(), c.village()));
        pdf.field(labels.get("document.certificate.code"), c.householdCode());
        pdf.paragraph(labels.get("document.certificate.status." + kind, String.valueOf(c.listYear())));
        pdf.heading(labels.get("document.certificate.members"));
        pdf.table(memberColumns(labels), memberRows(c.members()),
                c.members().size() > LARGE_HOUSEHOLD ? COMPACT_FONT : PdfFonts.SMALL);
        List<Signature> signature = List.of(new Signature(
                List.of(labels.get("document.signer.on-behalf"), labels.get("document.signer.chair")),
                labels.get("document.signer.note-seal"), c.chairName()));
        if (!c.stampYears().isEmpty()) {
            pdf.heading(labels.get("document.certificate.stamps"));
            float room = pdf.remainingHeight() - pdf.signaturesHeight(signature) - SPARE;
            pdf.add(stampBoxes(labels, c.stampYears(), stampHeight(room, c.stampYears().size())));
        }
        pdf.signatures(signature);
    }

    private static List<PdfColumn> memberColumns(DocumentLabels labels) {
        return List.of(new PdfColumn(labels.get("document.column.no"), 0.8f, PdfColumn.Align.CENTER),
                new PdfColumn(labels.get("document.column.full-name"), 4.5f, PdfColumn.Align.LEFT),
                new PdfColumn(labels.get("document.column.birth-year"), 1.6f, PdfColumn.Align.CENTER),
                new PdfColumn(labels.get("document.column.relation"), 2.6f, PdfColumn.Align.LEFT));
    }

    private static List<List<String>> memberRows(List<CertificateMember> members) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            CertificateMember m = members.get(i);
            rows.add(List.of(String.valueOf(i + 1), m.fullName(),
                    m.birthYear() == null ? "" : String.valueOf(m.birthYear()), m.relation()));
        }
        return rows;
    }

    /** Rows of at most five boxes: the year above, an empty square for the stamp below. */
    /** Boxes shrink (down to a minimum) so that a large household still fits on its one page. */
    private static float stampHeight(float room, int years) {
        int rows = (years + BOXES_PER_ROW - 1) / BOXES_PER_ROW;
        float fitting = room / rows - YEAR_LINE;
        return Math.max(MIN_STAMP_HEIGHT, Math.min(STAMP_HEIGHT, fitting));
    }

    private static PdfPTable stampBoxes(DocumentLabels labels, List<Integer> years, float height) {
        int columns = Math.min(BOXES_PER_ROW, years.size());
        PdfPTable table = new PdfPTable(columns);
        table.setWidthPercentage(Math.min(100, 20f * columns));
        table.setHorizontalAlignment(Element.ALIGN_CENTER);
        table.setSpacingBefore(4);
        for (int start = 0; start < years.size(); start += columns) {
            List<Integer> row = years.subList(start, Math.min(years.size(), start + columns));
            for (int i = 0; i < columns; i++) {
                table.addCell(i < row.size()
                        ? OfficialPdf.cell(labels.get("document.certificate.stamp-year", String.valueOf(row.get(i))),
                                PdfFonts.bold(PdfFonts.SMALL), Element.ALIGN_CENTER)
                        : OfficialPdf.plainCell(Element.ALIGN_CENTER));
            }
            for (int i = 0; i < columns; i++) {
                PdfPCell box = i < row.size() ? OfficialPdf.cell("", PdfFonts.regular(PdfFonts.SMALL), Element.ALIGN_CENTER)
                        : OfficialPdf.plainCell(Element.ALIGN_CENTER);
                box.setFixedHeight(height);
                table.addCell(box);
            }
        }
        return table;
    }
}
