package vn.giamngheo.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The village meeting's result stands when at least half of the attendees agree. */
class DiscussedHouseholdTest {

    @ParameterizedTest(name = "{0} of {1} present agree: {2}%, passed {3}")
    @CsvSource({
            "5, 10, 50.00, true",
            "4, 10, 40.00, false",
            "23, 45, 51.11, true",
            "22, 45, 48.89, false",
            "4, 7, 57.14, true",
            "3, 7, 42.86, false",
            "1, 2, 50.00, true",
            "0, 1, 0.00, false",
            "0, 0, 0.00, false",
            "45, 45, 100.00, true",
            "33333, 66667, 50.00, false"
    })
    void atLeastHalfOfTheAttendeesMustAgree(int agree, int present, String percent, boolean passed) {
        DiscussedHousehold h = new DiscussedHousehold("15250-00042", "Nguyễn Thị Hương", "Hộ nghèo", agree, 0);
        assertThat(h.agreementPercent(present)).isEqualByComparingTo(new BigDecimal(percent));
        assertThat(h.passed(present)).isEqualTo(passed);
    }

    @Test
    void negativeVotesAreRefused() {
        assertThatThrownBy(() -> new DiscussedHousehold("x", "y", "z", -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
