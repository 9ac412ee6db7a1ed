package vn.giamngheo.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

/**
 * The streamed batch of certificates ({@link CertificateBatchDocx}, issue 26 point 5) is the file Apache POI writes
 * certificate by certificate ({@link CertificateDocx#renderEach}, the writer before the change): the same
 * {@code word/document.xml} once parsed (element for element, attribute for attribute, text for text), byte for
 * byte when no text needs XMLBeans' CDATA sections, the same other parts (but the file's creation time), and the
 * same paragraphs and table cells read back with POI, one section per certificate. The households have names with
 * {@code &}, {@code <}, {@code >}, quotes, {@code ]]>}, white space at either end, a control character, an emoji and
 * Vietnamese diacritics given decomposed; sizes from one member to a large household, both lists, with and without
 * number, date, stamp years and chair; one name too long for its column (written alone by POI inside the stream).
 */
class CertificateBatchDocxTest {

    private static final Commune COMMUNE = DocumentFixture.NA_HAU;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"vi", "en"})
    void theStreamedBatchIsThePoiBatch(String language) throws Exception {
        Locale locale = Locale.forLanguageTag(language);
        List<Certificate> certificates = awkward();
        OfficialDocx measure = CertificateDocx.create(locale);
        List<int[]> widths = certificates.stream().map(c -> measure.columnWidths(
                CertificateDocx.memberColumns(measure.labels()),
                CertificateDocx.Texts.of(c, measure.labels(), measure.formats()).members(), CertificateDocx.memberSize(c)))
                .toList();
        assertThat(widths.get(10)).as("the long word's household gets other widths (the fallback is exercised)")
                .isNotEqualTo(widths.get(9));

        byte[] streamed = CertificateDocx.renderAll(certificates, locale);
        byte[] poi = CertificateDocx.renderEach(certificates, locale);

        Map<String, byte[]> a = parts(streamed);
        Map<String, byte[]> b = parts(poi);
        assertThat(a.keySet()).as("the package's parts, in order").containsExactlyElementsOf(b.keySet());
        for (String part : b.keySet()) {
            if (part.equals("word/document.xml")) {
                assertThat(parse(a.get(part)).isEqualNode(parse(b.get(part)))).as("document.xml parsed").isTrue();
            } else if (!part.equals("docProps/core.xml")) {
                assertThat(a.get(part)).as(part).isEqualTo(b.get(part));
            }
        }
        assertThat(DocxChecks.sections(streamed)).as("one section per certificate, element for element")
                .hasSize(certificates.size()).isEqualTo(DocxChecks.sections(poi));
        assertThat(texts(streamed)).as("paragraphs and cells read back").isEqualTo(texts(poi));
        DocxChecks.assertOfficial(streamed, false);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"vi", "en"})
    void ordinaryHouseholdsGiveTheSameBytes(String language) throws Exception {
        Locale locale = Locale.forLanguageTag(language);
        List<Certificate> certificates = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            certificates.add(certificate(i % 3 == 0 ? HouseholdList.NEAR_POOR : HouseholdList.POOR, String.valueOf(i + 1),
                    "Nguyễn Văn Thành " + i, i % 7 == 0 ? 12 : 1 + i % 6, List.of(2027, 2028, 2029, 2030)));
        }
        String streamed = new String(parts(CertificateDocx.renderAll(certificates, locale)).get("word/document.xml"),
                StandardCharsets.UTF_8);
        String poi = new String(parts(CertificateDocx.renderEach(certificates, locale)).get("word/document.xml"),
                StandardCharsets.UTF_8);
        assertThat(streamed.length()).isGreaterThan(40 * 10_000);
        assertThat(streamed).isEqualTo(poi);
    }

    @Test
    void aSingleCertificateIsItsFileAlone() throws Exception {
        Certificate one = DocumentFixture.certificate();
        Locale vi = Locale.forLanguageTag("vi");
        assertThat(new String(parts(CertificateDocx.renderAll(List.of(one), vi)).get("word/document.xml"), StandardCharsets.UTF_8))
                .isEqualTo(new String(parts(CertificateDocx.render(one, vi)).get("word/document.xml"), StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "Hà                 | <w:t>Hà</w:t>",
        "A & B <C> \"D\" 'E' | <w:t>A &amp; B &lt;C> \"D\" 'E'</w:t>",
        "x]]>y>             | <w:t>x]]&gt;y></w:t>",
        "` lead`            | <w:t xml:space=\"preserve\"> lead</w:t>",
        "`trail `           | <w:t xml:space=\"preserve\">trail </w:t>",
        "`\tTab`            | <w:t xml:space=\"preserve\">\tTab</w:t>",
        "`a\rb`             | <w:t>a&#13;b</w:t>",
        "`a\u0001b\u001fc`  | <w:t>a?b?c</w:t>",
        "`\u001fz`          | <w:t xml:space=\"preserve\">?z</w:t>",
        "`e\uD83D\uDE00`    | <w:t>e\uD83D\uDE00</w:t>",
        "`s\uD800t\uDC00`   | <w:t>s?t?</w:t>",
        "`\uFFFE\uFFFF`     | <w:t>??</w:t>",
        "`\u00A0nbsp`       | <w:t>\u00A0nbsp</w:t>",
        "``                 | ``",
    })
    void aRunTextIsWrittenAsPoiWritesIt(String text, String expected) {
        StringBuilder out = new StringBuilder();
        CertificateBatchDocx.element(text, out);
        assertThat(out.toString()).isEqualTo(expected);
    }

    /** Households that test the escaping, every layout switch and the fallback. */
    private static List<Certificate> awkward() {
        String decomposed = "Nguye\u0302\u0303n Thi\u0323 Hu\u031Bo\u031Bng";
        List<Integer> stamps = List.of(2027, 2028, 2029, 2030);
        List<Certificate> list = new ArrayList<>();
        list.add(DocumentFixture.certificate());
        list.add(certificate(HouseholdList.POOR, "12", "Lò Văn A & Con <Bé> \"Út\" O'Neil", 4, stamps));
        list.add(certificate(HouseholdList.NEAR_POOR, "", decomposed, 4, stamps));
        list.add(certificate(HouseholdList.POOR, "14", "  Hà Thị  Mai  ", 1, stamps));
        list.add(certificate(HouseholdList.POOR, "15", "x]]>y & <<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<< &&&&&&&", 4, stamps));
        list.add(certificate(HouseholdList.POOR, "16", "Tab\there\u0001 \uD83D\uDE00 \r end", 14, stamps));
        list.add(certificate(HouseholdList.NEAR_POOR, "17", "Vàng Seo Phử", 2, List.of()));
        list.add(certificate(HouseholdList.POOR, "18", "Giàng A Páo", 4, List.of(2027, 2028, 2029, 2030, 2031, 2032, 2033)));
        list.add(new Certificate(COMMUNE, HouseholdList.POOR, "19", 2027, "Lý Thị Mẩy", "Số 5, ngõ 7", "Thôn Khe Ỏ",
                "", List.of(new CertificateMember("Lý Thị Mẩy", null, ""), new CertificateMember("", 1990, "Con")),
                List.of(2027), null, ""));
        list.add(certificate(HouseholdList.POOR, "20", "Giàng Thị Mỷ", 4, stamps));
        // a word wider than the number column and the relation column: other widths, written alone by POI
        list.add(new Certificate(COMMUNE, HouseholdList.POOR, "21", 2027, "Hầu Mí Dế", null, "Thôn Nà Hẩu", "15250-00050",
                List.of(new CertificateMember("Hầu Mí Dế", 1970, "Chủ hộ"),
                        new CertificateMember("Hầu Thị MỴMỴMỴMỴMỴMỴMỴMỴMỴMỴMỴMỴMỴMỴMỴMỴMỴMỴMỴMỴ", 1999,
                                "Cháu_ngoại_của_chủ_hộ_theo_giấy_khai_sinh")),
                stamps, LocalDate.of(2026, 12, 20), "Hoàng Văn Thắng"));
        list.add(certificate(HouseholdList.NEAR_POOR, "22", "Bế Thị Ửng", 4, stamps));
        list.add(new Certificate(DocumentFixture.AFTER_REFORM, HouseholdList.POOR, "23", 2027, "Sùng A Chư", null,
                "Thôn Mậu", "10000-00001", DocumentFixture.members(3), stamps, LocalDate.of(2026, 2, 5), "Lò Văn Chủ"));
        return list;
    }

    private static Certificate certificate(HouseholdList kind, String number, String head, int members,
            List<Integer> stamps) {
        List<CertificateMember> people = new ArrayList<>();
        people.add(new CertificateMember(head, 1970, "Chủ hộ"));
        for (int i = 1; i < members; i++) {
            people.add(new CertificateMember(head.strip() + " " + i, 1995 + i, i == 1 ? "Vợ" : "Con"));
        }
        return new Certificate(COMMUNE, kind, number, 2027, head, null, "Thôn Nà Hẩu", "15250-" + number, people, stamps,
                LocalDate.of(2026, 12, 20), "Hoàng Văn Thắng");
    }

    private static Map<String, byte[]> parts(byte[] docx) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                parts.put(e.getName(), zip.readAllBytes());
            }
        }
        return parts;
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setCoalescing(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        document.normalizeDocument();
        return document;
    }

    /** Every paragraph's text and every table cell's text of the body, in order, as POI reads them. */
    private static List<String> texts(byte[] docx) throws IOException {
        List<String> texts = new ArrayList<>();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            for (IBodyElement e : doc.getBodyElements()) {
                if (e instanceof XWPFParagraph p) {
                    texts.add("p:" + p.getText() + "|" + p.getAlignment());
                } else if (e instanceof XWPFTable t) {
                    t.getRows().forEach(r -> r.getTableCells().forEach(c -> texts.add("c:" + c.getText())));
                }
            }
        }
        assertThat(texts).isNotEmpty();
        return texts;
    }
}
