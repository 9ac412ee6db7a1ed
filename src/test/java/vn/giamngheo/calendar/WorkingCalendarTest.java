package vn.giamngheo.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A sample calendar around the new year and Tết 2025: 1 Jan 2025 (Wednesday) and 1 Jan 2026 (Thursday) are
 * holidays, Tết closes Monday 27 to Friday 31 January 2025 (with the weekends around it, 25 Jan – 2 Feb
 * is one closed stretch), and Saturday 8 February 2025 is declared a working day.
 */
class WorkingCalendarTest {

    static final WorkingCalendar SAMPLE = new WorkingCalendar(
            List.of(d("2025-01-01"), d("2025-01-27"), d("2025-01-28"), d("2025-01-29"), d("2025-01-30"),
                    d("2025-01-31"), d("2026-01-01")),
            List.of(d("2025-02-08")));

    @ParameterizedTest(name = "{0} working day: {1}")
    @CsvSource({
            "2025-01-02, true",   // Thursday
            "2025-01-03, true",   // Friday
            "2025-01-04, false",  // Saturday
            "2025-01-05, false",  // Sunday
            "2025-01-01, false",  // holiday on a Wednesday
            "2025-01-29, false",  // Tết
            "2025-02-08, true",   // declared working Saturday
            "2025-02-09, false",  // the Sunday after it stays off
            "2025-12-31, true",
            "2026-01-01, false"})
    void workingDaysAreWeekdaysWithoutHolidaysPlusDeclaredWeekendDays(String day, boolean working) {
        assertThat(SAMPLE.isWorkingDay(d(day))).isEqualTo(working);
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            "2025-01-03, 1, 2025-01-06",  // Friday → Monday
            "2025-01-03, 0, 2025-01-03",  // zero days from a working day is the day itself
            "2025-01-04, 0, 2025-01-06",  // zero days from a Saturday is the next Monday
            "2025-01-01, 0, 2025-01-02",  // zero days from a holiday is the next working day
            "2024-12-31, 0, 2024-12-31",
            "2024-12-31, 1, 2025-01-02",  // across the year end and New Year's day
            "2025-01-24, 1, 2025-02-03",  // Friday before Tết → Monday after it
            "2025-01-23, 2, 2025-02-03",
            "2025-01-24, 3, 2025-02-05",
            "2025-02-07, 1, 2025-02-08",  // the declared working Saturday counts
            "2025-02-07, 2, 2025-02-10",
            "2025-12-31, 1, 2026-01-02",
            "2025-12-31, 2, 2026-01-05",
            "2025-01-06, 5, 2025-01-13"})  // a whole week
    void plusWorkingDaysSkipsWeekendsAndHolidays(String from, int n, String expected) {
        assertThat(SAMPLE.plusWorkingDays(d(from), n)).isEqualTo(d(expected));
    }

    @Test
    void aNegativeNumberOfWorkingDaysIsRefused() {
        assertThatThrownBy(() -> SAMPLE.plusWorkingDays(d("2025-01-06"), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    }

    @ParameterizedTest(name = "({0}, {1}] has {2} working days")
    @CsvSource({
            "2025-01-03, 2025-01-03, 0",
            "2025-01-03, 2025-01-06, 1",   // Friday excluded, Monday included
            "2025-01-02, 2025-01-06, 2",
            "2024-12-31, 2025-01-03, 2",   // New Year's day not counted
            "2025-01-24, 2025-02-03, 1",   // across Tết
            "2025-02-07, 2025-02-10, 2",   // working Saturday counted
            "2025-01-06, 2025-01-03, -1"}) // reversed order gives the negative count
    void workingDaysBetweenCountsTheEndButNotTheStart(String from, String to, int expected) {
        assertThat(SAMPLE.workingDaysBetween(d(from), d(to))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "last working day on or before {0} = {1}")
    @CsvSource({
            "2025-01-06, 2025-01-06",
            "2025-01-05, 2025-01-03",
            "2025-01-01, 2024-12-31",   // back across the year end
            "2025-02-02, 2025-01-24",   // back across Tết
            "2025-02-09, 2025-02-08",   // the working Saturday
            "2026-01-01, 2025-12-31"})
    void lastWorkingDayOnOrBeforeGoesBackToAWorkingDay(String day, String expected) {
        assertThat(SAMPLE.lastWorkingDayOnOrBefore(d(day))).isEqualTo(d(expected));
    }

    @Test
    void countingBackTheDaysAddedGivesTheNumberAdded() {
        for (LocalDate from = d("2024-12-20"); from.isBefore(d("2025-02-20")); from = from.plusDays(1)) {
            for (int n = 1; n <= 12; n++) {
                assertThat(SAMPLE.workingDaysBetween(from, SAMPLE.plusWorkingDays(from, n)))
                        .as("from %s plus %d", from, n).isEqualTo(n);
            }
        }
    }

    @Test
    void weekendsOnlyHasNoHoliday() {
        WorkingCalendar plain = WorkingCalendar.weekendsOnly();
        assertThat(plain.isWorkingDay(d("2025-01-01"))).isTrue();
        assertThat(plain.isWorkingDay(d("2025-01-04"))).isFalse();
        assertThat(plain.plusWorkingDays(d("2025-01-03"), 1)).isEqualTo(d("2025-01-06"));
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }
}
