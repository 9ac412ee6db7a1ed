package vn.giamngheo.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MeetingMinutesPdfTest {

    @Test
    void minutesRecordAttendanceVotesAndTheResultOfEachHousehold() throws IOException {
        Poppler.require();
        byte[] pdf = MeetingMinutesPdf.render(DocumentFixture.minutes(), null);
        Path file = Poppler.save("minutes.pdf", pdf);

        String text = Poppler.flat(Poppler.text(file));
        assertThat(text).contains("UBND XÃ NÀ HẨU", "THÔN NÀ HẨU", "Thôn Nà Hẩu, ngày 05 tháng 11 năm 2026",
                "BIÊN BẢN HỌP THÔN NÀ HẨU", "Bình xét hộ nghèo, hộ cận nghèo năm 2027",
                "Hôm nay, ngày 05 tháng 11 năm 2026, tại Nhà văn hóa thôn Nà Hẩu, Thôn Nà Hẩu, Xã Nà Hẩu, Huyện Văn Yên, Tỉnh Yên Bái tổ chức họp",
                "Chủ trì (Trưởng thôn): Hoàng Văn Thắng", "Thư ký: Đặng Thị Huyền Trâm",
                "Đại diện Ban Công tác Mặt trận giám sát: Triệu Quốc Việt", "Số người tham dự: 45/50 người được mời",
                "1 15250-00042 Nguyễn Thị Hương Hộ nghèo 30 15 66,67% Đạt",
                "2 15250-00043 Vàng Seo Phử Hộ cận nghèo 22 23 48,89% Không đạt",
                "3 15250-00044 Bế Thị Ửng Hộ thoát nghèo 23 20 51,11% Đạt",
                "Có 2/3 hộ được từ 50% trở lên số người tham dự họp đồng ý.",
                "THƯ KÝ", "CHỦ TRÌ", "(Ký, ghi rõ họ tên)");
        assertThat(CertificatePdfTest.pages(pdf)).isEqualTo(1);
        Poppler.renderFirstPage(file);
    }

    @Test
    void aLongTableRepeatsItsHeaderAndNumbersThePagesFromTheSecond() throws IOException {
        Poppler.require();
        byte[] pdf = MeetingMinutesPdf.render(DocumentFixture.minutes(DocumentFixture.manyDiscussed(60)), null);
        Path file = Poppler.save("minutes-long.pdf", pdf);

        int pages = CertificatePdfTest.pages(pdf);
        assertThat(pages).isGreaterThanOrEqualTo(2);
        String first = Poppler.pageText(file, 1);
        String second = Poppler.pageText(file, 2);
        assertThat(first.strip()).startsWith("UBND XÃ NÀ HẨU");
        assertThat(second.strip()).startsWith("2\n");
        assertThat(second).contains("Mã hộ", "Họ và tên chủ hộ", "Đề xuất", "Tỷ lệ");
        assertThat(second.indexOf("Họ và tên chủ hộ")).isLessThan(second.indexOf("15250-"));
        assertThat(Poppler.flat(Poppler.text(file))).contains("60 15250-00060 Hầu Mí Dế 60 Hộ nghèo 40 5 88,89% Đạt",
                "Có 60/60 hộ");
    }

    @Test
    void englishPercentagesUseADecimalPoint() throws IOException {
        Poppler.require();
        Path file = Poppler.save("minutes-en.pdf", MeetingMinutesPdf.render(DocumentFixture.minutes(), Locale.ENGLISH));

        assertThat(Poppler.flat(Poppler.text(file))).contains("MINUTES OF THE MEETING OF THÔN NÀ HẨU", "66.67% Agreed",
                "48.89% Not agreed", "2 of 3 households");
    }

    @Test
    void votesCannotExceedTheAttendees() {
        assertThatThrownBy(() -> DocumentFixture.minutes(List.of(
                new DiscussedHousehold("15250-00042", "Nguyễn Thị Hương", "Hộ nghèo", 40, 6))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("46 votes but only 45 attendees");
    }
}
