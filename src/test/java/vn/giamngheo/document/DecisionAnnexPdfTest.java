package vn.giamngheo.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DecisionAnnexPdfTest {

    @Test
    void annexListsTheFourSectionsWithTheirCounts() throws IOException {
        Poppler.require();
        byte[] pdf = DecisionAnnexPdf.render(DocumentFixture.annex(), null);
        Path file = Poppler.save("decision-annex.pdf", pdf);

        String text = Poppler.flat(Poppler.text(file));
        assertThat(text).contains("UBND HUYỆN VĂN YÊN", "UBND XÃ NÀ HẨU", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "PHỤ LỤC",
                "Danh sách hộ nghèo, hộ cận nghèo, hộ thoát nghèo, hộ thoát cận nghèo năm 2027",
                "(Kèm theo Quyết định số 15/QĐ-UBND ngày 20/12/2026 của Chủ tịch Ủy ban nhân dân xã Nà Hẩu)",
                "I. Hộ nghèo", "Mã hộ Họ và tên chủ hộ Thôn", "DTTS BTXH",
                "1 15250-00042 Nguyễn Thị Hương Thôn Nà Hẩu 4 x", "2 15250-00045 Hoàng Văn Thắng Thôn Khe Ỏ 6 x x",
                "3 15250-00046 Lý Thị Mẩy Thôn Nà Hẩu 1 x", "Cộng: 3 hộ, 11 nhân khẩu",
                "II. Hộ cận nghèo", "1 15250-00043 Vàng Seo Phử Thôn Khe Ỏ 5 x", "Cộng: 1 hộ, 5 nhân khẩu",
                "III. Hộ thoát nghèo", "1 15250-00044 Bế Thị Ửng Thôn Nà Hẩu 3", "Cộng: 1 hộ, 3 nhân khẩu",
                "IV. Hộ thoát cận nghèo Không có hộ nào.",
                "Xã Nà Hẩu, ngày 20 tháng 12 năm 2026", "TM. ỦY BAN NHÂN DÂN", "(Ký, ghi rõ họ tên, đóng dấu)",
                "Hoàng Văn Thắng");
        assertThat(text).doesNotContain("Số:");
        Poppler.renderFirstPage(file);
    }
}
