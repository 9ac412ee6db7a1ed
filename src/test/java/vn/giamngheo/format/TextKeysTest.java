package vn.giamngheo.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextKeysTest {

    @ParameterizedTest(name = "{1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "geography.type. | Thành phố trực thuộc trung ương | geography.type.thanh-pho-truc-thuoc-trung-uong",
            "geography.type. | Đặc khu tại hải đảo             | geography.type.dac-khu-tai-hai-dao",
            "geography.type. | tổ dân phố                      | geography.type.to-dan-pho",
            "support.item.   | Dự án 4 – Tiểu dự án 1          | support.item.du-an-4-tieu-du-an-1",
            "support.item.   | Dự án 5 (Quyết định 90/QĐ-TTg)  | support.item.du-an-5-quyet-dinh-90-qd-ttg",
            "support.amount-unit. | đồng/tháng, tối đa 9 tháng/năm | support.amount-unit.dong-thang-toi-da-9-thang-nam",
            "support.item.   | ''                              | support.item.",
    })
    void aVietnameseTextBecomesAKeyWithoutDiacritics(String prefix, String text, String key) {
        assertThat(TextKeys.of(prefix, text)).isEqualTo(key);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Xã", "Phường", "Tỉnh", "Huyện"})
    void composedAndDecomposedTextsGiveTheSameKey(String text) {
        assertThat(TextKeys.of("p.", java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)))
                .isEqualTo(TextKeys.of("p.", text)).doesNotContain("\u0300").matches("p\\.[a-z0-9-]+");
    }
}
