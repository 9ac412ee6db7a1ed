package vn.giamngheo.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.giamngheo.format.Formats;

/**
 * Certificates of poor and near-poor households (form 03, Circular 07/2021/TT-BLĐTBXH) as a Word file, with the same
 * wording as {@link CertificatePdf}: the household, its members, one stamp box per year of the standard's period, and
 * the commune chair's signature. One household per page, each in its own section.
 */
public final class CertificateDocx {

    private static final int BOXES_PER_ROW = 5;
    /** Above this many members the list and the stamp boxes are set smaller so the certificate stays on one page. */
    private static final int LARGE_HOUSEHOLD = 10;
    private static final int STAMP_HEIGHT = 54;
    private static final int COMPACT_STAMP_HEIGHT = 30;

    private CertificateDocx() {
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
        OfficialDocx docx = OfficialDocx.create(labels, labels.get("document.certificate.file-title"));
        for (int i = 0; i < certificates.size(); i++) {
            if (i > 0) {
                docx.nextDocument();
            }
            write(docx, certificates.get(i));
        }
        return docx.finish();
    }

    private static void write(OfficialDocx docx, Certificate c) {
        DocumentLabels labels = docx.labels();
        Formats formats = docx.formats();
        String kind = c.list().name();
        String number = c.number().isEmpty() ? "      " : c.number();
        boolean large = c.members().size() > LARGE_HOUSEHOLD;
        docx.header(c.commune().issuerLines(labels), labels.get("document.number", number + "/" + c.list().symbol()),
                PlaceDate.line(labels, c.commune().commune(), c.issuedOn()));
        docx.title(labels.get("document.certificate.title." + kind),
                labels.get("document.certificate.year", formats.year(c.listYear())));
        docx.paragraph(labels.get("document.certificate.certifies", c.commune().inSentence()));
        docx.field(labels.get("document.certificate.head"), c.head());
        docx.field(labels.get("document.certificate.address"), c.commune().address(c.address(), c.village()));
        docx.field(labels.get("document.certificate.code"), c.householdCode());
        docx.paragraph(labels.get("document.certificate.status." + kind, formats.year(c.listYear())));
        docx.heading(labels.get("document.certificate.members"));
        docx.table(memberColumns(labels), memberRows(c.members(), formats), large ? OfficialDocx.RECIPIENTS - 1 : OfficialDocx.SMALL);
        if (!c.stampYears().isEmpty()) {
            docx.heading(labels.get("document.certificate.stamps"));
            docx.boxes(c.stampYears().stream().map(y -> labels.get("document.certificate.stamp-year", formats.year(y))).toList(),
                    BOXES_PER_ROW, large ? COMPACT_STAMP_HEIGHT : STAMP_HEIGHT);
        }
        docx.signatures(List.of(new Signature(
                List.of(labels.get("document.signer.on-behalf"), labels.get("document.signer.chair")),
                labels.get("document.signer.note-seal"), c.chairName())));
    }

    private static List<DocxColumn> memberColumns(DocumentLabels labels) {
        return List.of(DocxColumn.of(labels.get("document.column.no"), 0.8, DocxColumn.Align.CENTER),
                DocxColumn.of(labels.get("document.column.full-name"), 4.5, DocxColumn.Align.LEFT),
                DocxColumn.of(labels.get("document.column.birth-year"), 1.6, DocxColumn.Align.CENTER),
                DocxColumn.of(labels.get("document.column.relation"), 2.6, DocxColumn.Align.LEFT));
    }

    private static List<List<String>> memberRows(List<CertificateMember> members, Formats formats) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            CertificateMember m = members.get(i);
            rows.add(List.of(formats.count(i + 1), m.fullName(), formats.year(m.birthYear()), m.relation()));
        }
        return rows;
    }
}
