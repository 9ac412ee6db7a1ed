package vn.giamngheo.monitoring.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Report periods: quarters 1–4, and 6-month, 9-month and annual periods from 1 January. */
class ReportKindTest {

    /** Kind, year, number, first and last day: the calendar periods (also those of the calendar data cut-off). */
    static final String CALENDAR_PERIODS = """
            quarter, 2026, 1, 2026-01-01, 2026-03-31
            quarter, 2026, 2, 2026-04-01, 2026-06-30
            quarter, 2028, 1, 2028-01-01, 2028-03-31
            quarter, 2026, 4, 2026-10-01, 2026-12-31
            half_year, 2026, 1, 2026-01-01, 2026-06-30
            nine_months, 2026, 1, 2026-01-01, 2026-09-30
            year, 2028, 1, 2028-01-01, 2028-12-31
            """;

    /** Kind and a number no period of that kind has in a year (for every data cut-off too). */
    static final String NUMBERS_OUTSIDE_THE_YEAR = """
            quarter, 0
            quarter, 5
            half_year, 2
            year, 2
            nine_months, 0
            """;

    @ParameterizedTest(name = "{0} {1}/{2}: {3} – {4}")
    @CsvSource(textBlock = CALENDAR_PERIODS)
    void periodsRunFromTheirFirstToTheirLastDay(String kind, int year, int number, LocalDate start, LocalDate end) {
        ReportPeriod p = ReportKind.ofCode(kind).orElseThrow().period(year, number);
        assertThat(p.start()).isEqualTo(start);
        assertThat(p.end()).isEqualTo(end);
    }

    @ParameterizedTest(name = "{0} number {1} does not exist")
    @CsvSource(textBlock = NUMBERS_OUTSIDE_THE_YEAR)
    void numbersOutsideTheYearAreRefused(String kind, int number) {
        assertThatThrownBy(() -> ReportKind.ofCode(kind).orElseThrow().period(2026, number))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
