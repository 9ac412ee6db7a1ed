package vn.giamngheo.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CertificatePdfTest {

    @BeforeEach
    void poppler() {
        Poppler.require();
    }

    @Test
    void certificateOfAPoorHouseholdShowsEveryVietnameseLetterExactly() throws IOException {
        byte[] pdf = CertificatePdf.render(DocumentFixture.certificate(), null);
        Path file = Poppler.save("certificate.pdf", pdf);

        String text = Poppler.flat(Poppler.text(file));
        assertThat(text).contains("UBND HUYỆN VĂN YÊN", "UBND XÃ NÀ HẨU", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc", "Số: 12/GCN-HN", "Xã Nà Hẩu, ngày 20 tháng 12 năm 2026",
                "GIẤY CHỨNG NHẬN HỘ NGHÈO", "Năm 2027", "Ủy ban nhân dân xã Nà Hẩu chứng nhận:",
                "Họ và tên chủ hộ: Nguyễn Thị Hương",
                "Địa chỉ thường trú: Thôn Nà Hẩu, Xã Nà Hẩu, Huyện Văn Yên, Tỉnh Yên Bái",
                "Mã số hộ: 15250-00042", "Là hộ nghèo năm 2027.", "Quan hệ với chủ hộ",
                "Lò Thị Ngọc Ánh 2009 Con", "Lò Đức Huỳnh 2014 Con",
                "Năm 2027 Năm 2028 Năm 2029 Năm 2030", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH",
                "(Ký, ghi rõ họ tên, đóng dấu)", "Hoàng Văn Thắng");
        assertThat(pages(pdf)).isEqualTo(1);
        Poppler.renderFirstPage(file);
    }

    @Test
    void fontsAreEmbeddedAsIdentityHSubsets() {
        String raw = new String(CertificatePdf.render(DocumentFixture.certificate(), null), StandardCharsets.ISO_8859_1);
        assertThat(raw).contains("/Identity-H", "/FontFile2", "/ToUnicode", "LiberationSerif-Bold");
    }

    @Test
    void nearPoorCertificateCarriesItsOwnTitleAndSymbol() throws IOException {
        Certificate poor = DocumentFixture.certificate();
        Certificate nearPoor = new Certificate(DocumentFixture.AFTER_REFORM, HouseholdList.NEAR_POOR, "7", 2027,
                "Vàng Seo Phử", "Số nhà 5", "Thôn Khe Ỏ", "10210-00007", poor.members(), List.of(2027, 2028), null,
                "Hoàng Văn Thắng");
        Path file = Poppler.save("certificate-near-poor.pdf", CertificatePdf.render(nearPoor, null));

        String text = Poppler.flat(Poppler.text(file));
        assertThat(text).contains("GIẤY CHỨNG NHẬN HỘ CẬN NGHÈO", "Số: 7/GCN-HCN", "Là hộ cận nghèo năm 2027.",
                "UBND TỈNH LÀO CAI", "UBND XÃ MẬU A", "Số nhà 5, Thôn Khe Ỏ, Xã Mậu A, Tỉnh Lào Cai",
                "Xã Mậu A, ngày … tháng … năm …", "Năm 2027 Năm 2028");
        assertThat(text).doesNotContain("Năm 2029", "HUYỆN");
    }

    @Test
    void aBatchPrintsOneHouseholdPerPageWithoutPageNumbers() throws IOException {
        List<Certificate> batch = List.of(DocumentFixture.certificate(),
                DocumentFixture.certificate("13", "Hoàng Văn Thắng", DocumentFixture.members(3)),
                DocumentFixture.certificate("14", "Bế Thị Ửng", DocumentFixture.members(15)));
        byte[] pdf = CertificatePdf.renderAll(batch, null);
        Path file = Poppler.save("certificates-batch.pdf", pdf);

        assertThat(pages(pdf)).isEqualTo(3);
        assertThat(Poppler.pageText(file, 1)).contains("Số: 12/GCN-HN", "Họ và tên chủ hộ: Nguyễn Thị Hương");
        assertThat(Poppler.pageText(file, 2)).contains("Số: 13/GCN-HN", "Họ và tên chủ hộ: Hoàng Văn Thắng");
        String third = Poppler.pageText(file, 3);
        assertThat(third).contains("Số: 14/GCN-HN", "Giàng Thị Mỷ 15", "(Ký, ghi rõ họ tên, đóng dấu)");
        assertThat(third.strip()).doesNotStartWith("3");
        Poppler.renderFirstPage(file);
    }

    @Test
    void decomposedInputIsPrintedComposed() throws IOException {
        String head = Normalizer.normalize("Nguyễn Thị Hương", Normalizer.Form.NFD);
        String village = Normalizer.normalize("Thôn Nà Hẩu", Normalizer.Form.NFD);
        assertThat(head).isNotEqualTo("Nguyễn Thị Hương");
        Certificate c = new Certificate(new Commune(Normalizer.normalize("Xã Nà Hẩu", Normalizer.Form.NFD), null,
                "Tỉnh Yên Bái"), HouseholdList.POOR, "1", 2027, head, null, village, "15250-00042",
                List.of(new CertificateMember(head, 1978, Normalizer.normalize("Chủ hộ", Normalizer.Form.NFD))),
                List.of(2027), null, Normalizer.normalize("Hoàng Văn Thắng", Normalizer.Form.NFD));
        Path file = Poppler.save("certificate-nfd.pdf", CertificatePdf.render(c, null));

        String text = Poppler.flat(Poppler.text(file));
        assertThat(text).contains("Họ và tên chủ hộ: Nguyễn Thị Hương", "Thôn Nà Hẩu, Xã Nà Hẩu", "UBND XÃ NÀ HẨU",
                "Nguyễn Thị Hương 1978 Chủ hộ", "Hoàng Văn Thắng");
        assertThat(text).doesNotContain(head);
        assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).isTrue();
    }

    @Test
    void englishLabelsWhenAskedFor() throws IOException {
        Path file = Poppler.save("certificate-en.pdf", CertificatePdf.render(DocumentFixture.certificate(), Locale.ENGLISH));

        assertThat(Poppler.flat(Poppler.text(file))).contains("CERTIFICATE OF POOR HOUSEHOLD", "No.: 12/GCN-HN",
                "SOCIALIST REPUBLIC OF VIETNAM", "Xã Nà Hẩu, 20/12/2026", "Head of household: Nguyễn Thị Hương");
    }

    static int pages(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            return reader.getNumberOfPages();
        } finally {
            reader.close();
        }
    }
}
