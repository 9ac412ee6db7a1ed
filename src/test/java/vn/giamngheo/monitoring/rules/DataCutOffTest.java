package vn.giamngheo.monitoring.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.MonthDay;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The data period of a report (Decree 09/2019/NĐ-CP Art. 12 by default [?]), and the calendar periods. */
class DataCutOffTest {

    @ParameterizedTest(name = "{0} {1}/{2}: {3} – {4}")
    @CsvSource({
            // quarters: 15th of the previous quarter's last month to the 14th of the quarter's last month
            "quarter, 2026, 1, 2025-12-15, 2026-03-14",
            "quarter, 2026, 2, 2026-03-15, 2026-06-14",
            "quarter, 2026, 3, 2026-06-15, 2026-09-14",
            "quarter, 2026, 4, 2026-09-15, 2026-12-14",
            // cumulative periods from 15 December of the previous year
            "half_year, 2026, 1, 2025-12-15, 2026-06-14",
            "nine_months, 2026, 1, 2025-12-15, 2026-09-14",
            "year, 2026, 1, 2025-12-15, 2026-12-14",
            "year, 2028, 1, 2027-12-15, 2028-12-14",
    })
    void theStatutoryCutOffEndsOnTheFourteenth(String kind, int year, int number, LocalDate start, LocalDate end) {
        ReportPeriod p = DataCutOff.DECREE_09_2019.period(ReportKind.ofCode(kind).orElseThrow(), year, number);
        assertThat(p.start()).isEqualTo(start);
        assertThat(p.end()).isEqualTo(end);
        assertThat(p.year()).isEqualTo(year);
    }

    @ParameterizedTest(name = "calendar {0} {1}/{2}: {3} – {4}")
    @CsvSource(textBlock = ReportKindTest.CALENDAR_PERIODS)
    void theCalendarCutOffGivesTheCalendarPeriods(String kind, int year, int number, LocalDate start, LocalDate end) {
        ReportKind k = ReportKind.ofCode(kind).orElseThrow();
        assertThat(DataCutOff.CALENDAR.period(k, year, number)).isEqualTo(k.period(year, number));
        assertThat(DataCutOff.CALENDAR.period(k, year, number).start()).isEqualTo(start);
        assertThat(DataCutOff.CALENDAR.period(k, year, number).end()).isEqualTo(end);
    }

    @ParameterizedTest(name = "quarter day {0}, quarter {1}/2026: {2} – {3}")
    @CsvSource({
            // a day past the month's length is its last day: February is not involved, but June and September have 30
            "30, 2, 2026-03-31, 2026-06-30",
            "30, 1, 2025-12-31, 2026-03-30",
            "1, 1, 2025-12-02, 2026-03-01",
            "31, 3, 2026-07-01, 2026-09-30",
    })
    void theQuarterEndDayIsClampedToTheMonth(int day, int quarter, LocalDate start, LocalDate end) {
        DataCutOff c = new DataCutOff(day, MonthDay.of(6, 14), MonthDay.of(9, 14), MonthDay.of(12, 14));
        ReportPeriod p = c.period(ReportKind.QUARTER, 2026, quarter);
        assertThat(p.start()).isEqualTo(start);
        assertThat(p.end()).isEqualTo(end);
    }

    @ParameterizedTest(name = "quarter day {0}, ends {1} {2} {3}: refused")
    @CsvSource({"0, 06-14, 09-14, 12-14", "32, 06-14, 09-14, 12-14", "14, 09-14, 09-14, 12-14",
            "14, 06-14, 12-14, 12-14", "14, 10-01, 09-14, 12-14"})
    void inconsistentCutOffsAreRefused(int day, String half, String nine, String year) {
        assertThatThrownBy(() -> new DataCutOff(day, MonthDay.parse("--" + half), MonthDay.parse("--" + nine),
                MonthDay.parse("--" + year))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} number {1} does not exist")
    @CsvSource(textBlock = ReportKindTest.NUMBERS_OUTSIDE_THE_YEAR)
    void numbersOutsideTheYearAreRefused(String kind, int number) {
        assertThatThrownBy(() -> DataCutOff.DECREE_09_2019.period(ReportKind.ofCode(kind).orElseThrow(), 2026, number))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
