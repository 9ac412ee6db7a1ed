package vn.giamngheo.monitoring;

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

/** Circular 10/2022: 15 working days after the period to the same level; before 1 June / 1 December to the ministries. */
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
        WorkingCalendar calendar = HolidayRules.calendar(year, year + 1, List.of());
        assertThat(CIRCULAR_10.due(period, calendar::plusWorkingDays)).isEqualTo(due);
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
