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
        return renderEach(List.of(certificate), locale);
    }

    /**
     * Many certificates in one file, one page each, in the given order. A round's batch (about 3,300 in a commune of
     * 10,000 households) is written by {@link CertificateBatchDocx}: each certificate's body from a template built
     * here once per layout, the same file as {@link #renderEach} writes certificate by certificate with Apache POI.
     */
    public static byte[] renderAll(List<Certificate> certificates, Locale locale) {
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("no certificate to print");
        }
        return CertificateBatchDocx.render(certificates, locale);
    }

    /** Many certificates in one file, each built and saved with Apache POI (XMLBeans): the reference writer. */
    static byte[] renderEach(List<Certificate> certificates, Locale locale) {
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("no certificate to print");
        }
        OfficialDocx docx = create(locale);
        for (int i = 0; i < certificates.size(); i++) {
            if (i > 0) {
                docx.nextDocument();
            }
            Certificate c = certificates.get(i);
            write(docx, c, Texts.of(c, docx.labels(), docx.formats()));
        }
        return docx.finish();
    }

    /** An empty certificate file: A4, the page-number headers, the file's title. */
    static OfficialDocx create(Locale locale) {
        DocumentLabels labels = DocumentLabels.forLocale(locale);
        return OfficialDocx.create(labels, labels.get("document.certificate.file-title"));
    }

    /**
     * Writes one certificate: the wording that is the same for every household of its list comes from the labels and
     * the commune, everything that changes from household to household from {@code t} (a template passes
     * placeholders there).
     */
    static void write(OfficialDocx docx, Certificate c, Texts t) {
        DocumentLabels labels = docx.labels();
        String kind = c.list().name();
        boolean large = large(c);
        docx.header(c.commune().issuerLines(labels), t.numberLine(), t.placeDate());
        docx.title(labels.get("document.certificate.title." + kind), t.year());
        docx.paragraph(t.certifies());
        docx.field(labels.get("document.certificate.head"), t.head());
        docx.field(labels.get("document.certificate.address"), t.address());
        docx.field(labels.get("document.certificate.code"), t.code());
        docx.paragraph(t.status());
        docx.heading(labels.get("document.certificate.members"));
        docx.table(memberColumns(labels), t.members(), memberSize(c));
        if (!t.stamps().isEmpty()) {
            docx.heading(labels.get("document.certificate.stamps"));
            docx.boxes(t.stamps(), BOXES_PER_ROW, large ? COMPACT_STAMP_HEIGHT : STAMP_HEIGHT);
        }
        docx.signatures(List.of(new Signature(
                List.of(labels.get("document.signer.on-behalf"), labels.get("document.signer.chair")),
                labels.get("document.signer.note-seal"), t.chair())));
    }

    static boolean large(Certificate c) {
        return c.members().size() > LARGE_HOUSEHOLD;
    }

    /** The members' table is set smaller for a large household so that the certificate stays on one page. */
    static double memberSize(Certificate c) {
        return large(c) ? OfficialDocx.RECIPIENTS - 1 : OfficialDocx.SMALL;
    }

    /**
     * The texts of one certificate that change from household to household, as they are printed, in the order
     * {@link #write} puts them on the page ({@link #slots()}).
     */
    record Texts(String numberLine, String placeDate, String year, String certifies, String head, String address,
            String code, String status, List<List<String>> members, List<String> stamps, String chair) {

        static Texts of(Certificate c, DocumentLabels labels, Formats formats) {
            String kind = c.list().name();
            String number = c.number().isEmpty() ? "      " : c.number();
            return new Texts(labels.get("document.number", number + "/" + c.list().symbol()),
                    PlaceDate.line(labels, c.commune().commune(), c.issuedOn()),
                    labels.get("document.certificate.year", formats.year(c.listYear())),
                    labels.get("document.certificate.certifies", c.commune().inSentence()),
                    c.head(), c.commune().address(c.address(), c.village()), c.householdCode(),
                    labels.get("document.certificate.status." + kind, formats.year(c.listYear())),
                    memberRows(c.members(), formats),
                    c.stampYears().stream().map(y -> labels.get("document.certificate.stamp-year", formats.year(y))).toList(),
                    c.chairName());
        }

        /** Every text in page order, each as the writer prints it (composed Unicode). */
        List<String> slots() {
            List<String> all = new ArrayList<>(List.of(numberLine, placeDate, year, certifies, head, address, code, status));
            members.forEach(all::addAll);
            all.addAll(stamps);
            all.add(chair);
            return all.stream().map(Text::nfc).toList();
        }

        /** The same shape with every text replaced by what {@code placeholder} gives for its slot number. */
        Texts placeholders(java.util.function.IntFunction<String> placeholder) {
            int[] next = {0};
            java.util.function.Supplier<String> p = () -> placeholder.apply(next[0]++);
            String[] head = new String[8];
            for (int i = 0; i < head.length; i++) {
                head[i] = p.get();
            }
            List<List<String>> rows = members.stream().map(r -> r.stream().map(x -> p.get()).toList()).toList();
            List<String> boxes = stamps.stream().map(x -> p.get()).toList();
            return new Texts(head[0], head[1], head[2], head[3], head[4], head[5], head[6], head[7], rows, boxes, p.get());
        }
    }

    static List<DocxColumn> memberColumns(DocumentLabels labels) {
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
