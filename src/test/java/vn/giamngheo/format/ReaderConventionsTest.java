package vn.giamngheo.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules of the reader-conventions guard on snippets: each offence found, and the right ways passed. */
class ReaderConventionsTest {

    private static final ReaderConventions RULES = new ReaderConventions(Set.of("report.kind.results"),
            Set.of("tuyên", "quang", "xã", "hà", "giang", "tỉnh"), Set.of("3.1"));

    @ParameterizedTest(name = "[{0}] «{1}» → {2}")
    @CsvSource(delimiter = '|', value = {
            // language | text                                  | rule found, or none
            "vi | Danh sách hộ nghèo năm 2.026                    | year with a thousands separator",
            "en | Poor households of the year 2,026               | year with a thousands separator",
            "vi | Danh sách hộ nghèo năm 2026                     | none",
            "vi | Số hộ 3201.000                                  | count with decimals",
            "en | Households 446.000                              | count with decimals",
            "vi | Số hộ 446,000                                   | count with decimals",
            "vi | Số hộ 446.000                                   | none",
            "vi | Tỷ lệ 13.93                                     | dot decimal in vi",
            "vi | Tỷ lệ 0.0 %                                     | dot decimal in vi",
            "vi | Tỷ lệ 13,93%                                    | none",
            "vi | Mục 3.1 Tiểu dự án 1                            | none",
            "en | Rate 13,93                                      | comma decimal in en",
            "en | Rate 13.93% of 1,234 households                 | none",
            "en | Deprivation information_devices                 | snake_case key",
            "en | Report report.kind.results                      | message key as text",
            "en | Missing ??report.title_vi??                     | missing message",
            "en | Formed from: 02 Tỉnh Hà Giang; 08 Tỉnh Tuyên Quang | none",
            "en | Households by type: Thôn                        | Vietnamese in en",
            "en | Legal basis: Nghị định 07/2021/NĐ-CP quy định chuẩn nghèo | none",
            "en | Project 5 (Decision 90/QĐ-TTg)                  | none",
            "vi | Hộ nghèo của Xã Tuyên Quang                     | none",
    })
    void anOffenceIsFoundAndTheRightWayPasses(String language, String text, String rule) {
        List<ReaderConventions.Offence> found = RULES.check(text, "vi".equals(language), false, true);
        if ("none".equals(rule)) {
            assertThat(found).isEmpty();
        } else {
            assertThat(found).extracting(ReaderConventions.Offence::rule).contains(rule);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1.234 | true", "12,5 | true", "3000 | true", "08 | false", "I | false",
            "00123 | false", "HN00001 | false", "12,50% | true"})
    void aNumberStoredAsTextIsRecognised(String text, boolean number) {
        assertThat(ReaderConventionsGuardTest.numberAsText(text)).isEqualTo(number);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"household_code | true", "Tiếng Việt | false"})
    void codesMayBeShownWherePagesDocumentFiles(String text, boolean offence) {
        assertThat(RULES.check(text, false, true, false)).isEmpty();
        assertThat(RULES.check(text, false, false, false).isEmpty()).isEqualTo(!offence);
    }
}
