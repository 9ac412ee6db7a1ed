package vn.giamngheo.setting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Stored sources and notes as a reader sees them: no documentation paths, no "[?]" tags, the note in words. */
class LegalNotesTest {

    static final Locale VI = Locale.forLanguageTag("vi");

    static LegalNotes notes() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/setting");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new LegalNotes(messages);
    }

    @Test
    void storedTextsLoseTheirDocumentationPathsAndTags() {
        String[][] cases = {
                {"Quyết định 24/2021/QĐ-TTg (niêm yết công khai); số ngày chưa được xác nhận (docs/domain.md §3, §7)",
                        "Quyết định 24/2021/QĐ-TTg (niêm yết công khai); số ngày chưa được xác nhận"},
                {"Chưa xác nhận: thời gian hộ mới thoát nghèo còn được hưởng chính sách (docs/domain.md §4, §7)",
                        "Chưa xác nhận: thời gian hộ mới thoát nghèo còn được hưởng chính sách"},
                {"Kế hoạch giảm nghèo của các tỉnh (bảng số xã theo tỷ lệ hộ nghèo); docs/domain.md §5",
                        "Kế hoạch giảm nghèo của các tỉnh (bảng số xã theo tỷ lệ hộ nghèo)"},
                {"Decree 07/2021/NĐ-CP (cut-off per domain.md)", "Decree 07/2021/NĐ-CP"},
                {"domain.md §1", ""},
                {"Mức hỗ trợ tối thiểu 70 % [?]; địa phương có thể hỗ trợ thêm.",
                        "Mức hỗ trợ tối thiểu 70 % (chưa xác nhận); địa phương có thể hỗ trợ thêm."},
                {"Dự án 4 [S]; độ tuổi và thời gian sau thoát nghèo [?].", "Dự án 4; độ tuổi và thời gian sau thoát nghèo (chưa xác nhận)."},
                {"Nghị định 07/2021/NĐ-CP, Điều 3", "Nghị định 07/2021/NĐ-CP, Điều 3"},
                {null, ""},
        };
        LegalNotes notes = notes();
        for (String[] c : cases) {
            assertThat(notes.clean(c[0], VI)).as(c[0]).isEqualTo(c[1]);
        }
        assertThat(notes.clean("Mức 150.000 đồng/tháng [?].", Locale.ENGLISH)).isEqualTo("Mức 150.000 đồng/tháng (not confirmed).");
    }

    @Test
    void theNoteSaysHowSureAndOnWhatBasis() {
        LegalNotes notes = notes();
        String[][] cases = {
                {"?", "Nghị định 07/2021/NĐ-CP, Điều 3 (docs/domain.md §2)", "Quy định chưa chắc chắn — căn cứ: Nghị định 07/2021/NĐ-CP, Điều 3"},
                {"S", "Nghị định 07/2021/NĐ-CP", "Căn cứ: Nghị định 07/2021/NĐ-CP"},
                {"S2", "Báo chí", "Theo nguồn thứ cấp — căn cứ: Báo chí"},
                {"?", "docs/domain.md §4", "Quy định chưa chắc chắn — căn cứ: chưa ghi căn cứ"},
                {null, "", "Quy định chưa chắc chắn — căn cứ: chưa ghi căn cứ"},
        };
        for (String[] c : cases) {
            assertThat(notes.note(c[0], c[1], VI)).as("%s %s", c[0], c[1]).isEqualTo(c[2]);
        }
        assertThat(notes.note("?", "Decree 07/2021/NĐ-CP", Locale.ENGLISH)).isEqualTo("Rule not confirmed; legal basis: Decree 07/2021/NĐ-CP");
        assertThat(notes.level("S2", VI)).isEqualTo("Nguồn thứ cấp");
        assertThat(notes.level("?", Locale.ENGLISH)).isEqualTo("Not confirmed");
        assertThat(notes.unconfirmed("?")).isTrue();
        assertThat(notes.unconfirmed("S")).isFalse();
    }
}
