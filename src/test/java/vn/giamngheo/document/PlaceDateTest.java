package vn.giamngheo.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decree 30/2020: days below 10 and the months 1 and 2 take a leading zero. */
class PlaceDateTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "2026-12-20 | Xã Nà Hẩu, ngày 20 tháng 12 năm 2026",
            "2026-02-05 | Xã Nà Hẩu, ngày 05 tháng 02 năm 2026",
            "2026-01-10 | Xã Nà Hẩu, ngày 10 tháng 01 năm 2026",
            "2026-03-09 | Xã Nà Hẩu, ngày 09 tháng 3 năm 2026",
            "2026-10-01 | Xã Nà Hẩu, ngày 01 tháng 10 năm 2026"
    })
    void vietnameseDateLine(LocalDate date, String line) {
        assertThat(PlaceDate.line(DocumentLabels.forLocale(null), "Xã Nà Hẩu", date)).isEqualTo(line);
    }

    @Test
    void withoutADateTheLineIsLeftToBeFilledIn() {
        assertThat(PlaceDate.line(DocumentLabels.forLocale(null), "Xã Nà Hẩu", null))
                .isEqualTo("Xã Nà Hẩu, ngày … tháng … năm …");
    }

    @Test
    void englishDateLineAndShortDate() {
        assertThat(PlaceDate.line(DocumentLabels.forLocale(Locale.ENGLISH), "Xã Nà Hẩu", LocalDate.of(2026, 2, 5)))
                .isEqualTo("Xã Nà Hẩu, 05/02/2026");
        assertThat(PlaceDate.shortDate(LocalDate.of(2026, 12, 20))).isEqualTo("20/12/2026");
    }

    @Test
    void defaultLabelsAreVietnamese() {
        assertThat(DocumentLabels.forLocale(null).get("document.motto.words")).isEqualTo("Độc lập - Tự do - Hạnh phúc");
        assertThat(DocumentLabels.forLocale(Locale.ENGLISH).get("document.issuer", "Xã Nà Hẩu"))
                .isEqualTo("PEOPLE'S COMMITTEE OF Xã Nà Hẩu");
    }
}
