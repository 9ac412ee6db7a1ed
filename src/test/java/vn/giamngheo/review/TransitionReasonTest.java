package vn.giamngheo.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransitionReasonTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "null", value = {
            "'meeting:Khuổi Lếch:4/10', review.reason.meeting, Khuổi Lếch, 4, 10",
            "'returned:province:Thiếu biên bản', review.reason.returned.province, Thiếu biên bản, '', ''",
            "'returned:district:Sai số hộ: 3', review.reason.returned.district, Sai số hộ: 3, '', ''",
            "'Cần thu thập lại thôn Nà Hẩu', null, Cần thu thập lại thôn Nà Hẩu, '', ''",
            "'meeting:no votes', null, '', '', ''",
    })
    void codedReasonsAreSaidInTheReadersLanguage(String reason, String key, String a0, String a1, String a2) {
        var t = new RoundRepository.Transition("meetings", "collecting", reason, "canbo", null);
        assertThat(t.reasonKey()).isEqualTo(key);
        if (key != null) {
            assertThat(new String[]{t.reasonArg(0), t.reasonArg(1), t.reasonArg(2)}).containsExactly(a0, a1, a2);
        }
    }
}
