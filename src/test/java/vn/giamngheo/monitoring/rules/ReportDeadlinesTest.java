package vn.giamngheo.monitoring.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import vn.giamngheo.calendar.HolidayRules;
import vn.giamngheo.calendar.WorkingCalendar;

/**
 * Circular 10/2022: 15 working days after the period's data end to the same level; before 1 June / 1 December to the
 * ministries — which falls before the statutory data end (Decree 09/2019: 14 June, 14 December) and is flagged.
 */
class ReportDeadlinesTest {

    private static final ReportDeadlines CIRCULAR_10 = new ReportDeadlines(15, MonthDay.of(6, 1), MonthDay.of(12, 1));

    /** Weekends plus the holidays named in the row, counted here without the calendar module. */
    private static WorkingDays weekendsAnd(String holidays) {
        Set<LocalDate> off = holidays.isBlank() ? Set.of()
                : Set.copyOf(List.of(holidays.split(";")).stream().map(LocalDate::parse).toList());
        return (from, n) -> {
            LocalDate d = from;
            int counted = 0;
            while (counted < n) {
                d = d.plusDays(1);
                boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
                if (!weekend && !off.contains(d)) {
                    counted++;
                }
            }
            return d;
        };
    }

    /** The due day counted on the statutory calendar (weekends and public holidays) of the year and the next. */
    private static LocalDate dueWithPublicHolidays(ReportPeriod period, int year) {
        WorkingCalendar calendar = HolidayRules.calendar(year, year + 1, List.of());
        return CIRCULAR_10.due(period, calendar::plusWorkingDays);
    }

    @ParameterizedTest(name = "{0} {1}/{2}, holidays [{4}]: due {3}")
    @CsvSource(delimiter = '|', value = {
            // period ends on a Tuesday: three full weeks of working days
            "half_year   | 2026 | 1 | 2026-07-21 | ''",
            // a holiday inside the 15 days pushes the due day one working day later
            "half_year   | 2026 | 1 | 2026-07-22 | 2026-07-08",
            // a holiday on a weekend changes nothing (its compensation day is what counts)
            "half_year   | 2026 | 1 | 2026-07-21 | 2026-07-11",
            // Q3 2029 ends on a Sunday
            "quarter     | 2029 | 3 | 2029-10-19 | ''",
            // Q2 2029 ends on a Saturday
            "quarter     | 2029 | 2 | 2029-07-20 | ''",
            // Q2 2028 ends on a Friday: the count starts on Monday
            "quarter     | 2028 | 2 | 2028-07-21 | ''",
            // the 15th working day is the day before a holiday: unchanged
            "nine_months | 2026 | 1 | 2026-10-21 | 2026-10-22",
            // the 15th working day would be the holiday itself: the next working day
            "nine_months | 2026 | 1 | 2026-10-22 | 2026-10-21",
            // annual report, New Year's Day in the window
            "year        | 2025 | 1 | 2026-01-22 | 2026-01-01",
    })
    void dueDayIsTheFifteenthWorkingDayAfterThePeriod(String kind, int year, int number, LocalDate due, String holidays) {
        ReportPeriod period = ReportKind.ofCode(kind).orElseThrow().period(year, number);
        assertThat(CIRCULAR_10.due(period, weekendsAnd(holidays))).isEqualTo(due);
    }

    @ParameterizedTest(name = "{0} {1}/{2} with the statutory holidays: due {3}")
    @CsvSource(delimiter = '|', value = {
            // Hùng Kings' day 2025 was Monday 7 April: one day later than on weekends alone (21 April)
            "quarter   | 2025 | 1 | 2025-04-22",
            // New Year's Day 2025 (Wednesday) in the window of the 2024 annual report
            "year      | 2024 | 1 | 2025-01-22",
            "half_year | 2026 | 1 | 2026-07-21",
    })
    void dueDayCountsThePublicHolidays(String kind, int year, int number, LocalDate due) {
        ReportPeriod period = ReportKind.ofCode(kind).orElseThrow().period(year, number);
        assertThat(dueWithPublicHolidays(period, year)).isEqualTo(due);
    }

    @ParameterizedTest(name = "{0} {1}/{2} with data to the 14th: due {3}")
    @CsvSource(delimiter = '|', value = {
            // data end Sunday 14 June 2026: 15 working days from Monday 15 June, no holiday
            "half_year   | 2026 | 1 | 2026-07-03",
            // data end Monday 14 June 2027
            "half_year   | 2027 | 1 | 2027-07-05",
            // data end Saturday 14 March 2026; Hùng Kings' day (10/3 lunar) falls on Sunday 26 April 2026, outside
            "quarter     | 2026 | 1 | 2026-04-03",
            // data end Monday 14 September 2026; National Day 2 September is before it
            "nine_months | 2026 | 1 | 2026-10-05",
            // data end Monday 14 December 2026: New Year's Day 2027 (Friday) inside the window
            "year        | 2026 | 1 | 2027-01-05",
    })
    void dueDayCountsFromTheDataEnd(String kind, int year, int number, LocalDate due) {
        ReportPeriod period = DataCutOff.DECREE_09_2019.period(ReportKind.ofCode(kind).orElseThrow(), year, number);
        assertThat(dueWithPublicHolidays(period, year)).isEqualTo(due);
    }

    @ParameterizedTest(name = "{0} {1}, data to {2}: ministry date before the data end {3}")
    @CsvSource(delimiter = '|', value = {
            // the statutory cut-off: both ministry dates come before the data end
            "half_year   | 2026 | 06-14 | true",
            "year        | 2026 | 12-14 | true",
            // boundary: the ministry date (31 May) is the data end itself: still flagged
            "half_year   | 2026 | 05-31 | true",
            // one day later than the data end: not flagged
            "half_year   | 2026 | 05-30 | false",
            "year        | 2026 | 11-29 | false",
            "year        | 2026 | 11-30 | true",
    })
    void aMinistryDateOnOrBeforeTheDataEndIsFlagged(String kind, int year, String end, boolean flagged) {
        MonthDay e = MonthDay.parse("--" + end);
        DataCutOff cutOff = kind.equals("year")
                ? new DataCutOff(14, MonthDay.of(6, 14), MonthDay.of(9, 14), e)
                : new DataCutOff(14, e, MonthDay.of(9, 14), MonthDay.of(12, 14));
        ReportPeriod period = cutOff.period(ReportKind.ofCode(kind).orElseThrow(), year, 1);
        LocalDate ministry = CIRCULAR_10.ministryDue(period).orElseThrow();
        assertThat(ReportDeadlines.ministryDueBeforeDataEnd(ministry, period.end())).isEqualTo(flagged);
    }

    @ParameterizedTest(name = "no ministry date: never flagged ({0})")
    @CsvSource({"quarter", "nine_months"})
    void reportsWithoutAMinistryDateAreNotFlagged(String kind) {
        ReportPeriod period = DataCutOff.DECREE_09_2019.period(ReportKind.ofCode(kind).orElseThrow(), 2026, 1);
        assertThat(ReportDeadlines.ministryDueBeforeDataEnd(CIRCULAR_10.ministryDue(period).orElse(null), period.end())).isFalse();
    }

    @ParameterizedTest(name = "{0} {1}: to the ministries by {2}")
    @CsvSource(delimiter = '|', value = {
            "half_year   | 2026 | 2026-05-31",
            "year        | 2026 | 2026-11-30",
            "year        | 2028 | 2028-11-30",
            "quarter     | 2026 | ",
            "nine_months | 2026 | ",
    })
    void ministriesGetTheSixMonthAndAnnualReportsBeforeTheFirstOfJuneAndDecember(String kind, int year, LocalDate due) {
        ReportPeriod period = ReportKind.ofCode(kind).orElseThrow().period(year, 1);
        assertThat(CIRCULAR_10.ministryDue(period).orElse(null)).isEqualTo(due);
    }

    @ParameterizedTest(name = "sent {0}, due {1}: on time {2}")
    @CsvSource({"2026-07-20, 2026-07-21, true", "2026-07-21, 2026-07-21, true", "2026-07-22, 2026-07-21, false"})
    void aReportSentOnTheDueDayIsOnTime(LocalDate sent, LocalDate due, boolean onTime) {
        assertThat(ReportDeadlines.onTime(sent, due)).isEqualTo(onTime);
    }

    @ParameterizedTest(name = "sent {0}, due {1}, on {2}: overdue {3}")
    @CsvSource({"false, 2026-07-21, 2026-07-21, false", "false, 2026-07-21, 2026-07-22, true",
            "true, 2026-07-21, 2026-08-30, false"})
    void aReportIsOverdueFromTheDayAfterItsDueDayUntilItIsSent(boolean sent, LocalDate due, LocalDate on, boolean overdue) {
        assertThat(ReportDeadlines.overdue(sent, due, on)).isEqualTo(overdue);
    }

    @Test
    void theNumberOfWorkingDaysIsAParameterButNeverZero() {
        ReportPeriod q1 = ReportKind.QUARTER.period(2026, 1);
        assertThat(new ReportDeadlines(10, MonthDay.of(6, 1), MonthDay.of(12, 1)).due(q1, weekendsAnd("")))
                .isEqualTo(LocalDate.of(2026, 4, 14));
        assertThatThrownBy(() -> new ReportDeadlines(0, MonthDay.of(6, 1), MonthDay.of(12, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
