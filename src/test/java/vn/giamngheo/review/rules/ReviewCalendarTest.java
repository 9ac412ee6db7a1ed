package vn.giamngheo.review.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.giamngheo.calendar.WorkingCalendar;

class ReviewCalendarTest {

    /** 2 September 2026 (Wednesday) and 1 January 2027 are holidays in this calendar. */
    static final WorkingCalendar DAYS = new WorkingCalendar(
            List.of(LocalDate.of(2026, 9, 2), LocalDate.of(2027, 1, 1)), List.of());

    static ReviewCalendar calendar(String threshold) {
        return new ReviewCalendar(MonthDay.of(9, 1), MonthDay.of(12, 14), 15, 15, 3, 3, new BigDecimal(threshold),
                LocalDate.of(2025, 6, 30), DAYS);
    }

    @Test
    void periodicReviewRunsFromFirstSeptemberToFourteenthDecemberAndDecidesNextYearsLists() {
        assertThat(calendar("0.5").periodic(2026))
                .isEqualTo(new ReviewCalendar.Window(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 12, 14)));
        assertThat(ReviewCalendar.listYear(RoundKind.PERIODIC, 2026)).isEqualTo(2027);
        assertThat(ReviewCalendar.listYear(RoundKind.MONTHLY, 2026)).isEqualTo(2026);
    }

    @Test
    void monthlyRoundOpensOnTheFifteenthAndIsDecidedWithinFifteenDays() {
        assertThat(calendar("0.5").monthly(2026, 2))
                .isEqualTo(new ReviewCalendar.Window(LocalDate.of(2026, 2, 15), LocalDate.of(2026, 3, 2)));
    }

    @ParameterizedTest(name = "received {0} → round of {1}, due {2}")
    @CsvSource({
            "2026-03-01, 2026-03-15, 2026-03-30",
            "2026-03-15, 2026-03-15, 2026-03-30",
            "2026-03-16, 2026-04-15, 2026-04-30",
            "2026-12-20, 2027-01-15, 2027-01-30",
    })
    void applicationsGoToTheRoundOfTheirMonthUntilTheStartDay(LocalDate received, LocalDate round, LocalDate due) {
        assertThat(calendar("0.5").monthlyRoundFor(received)).isEqualTo(round);
        assertThat(calendar("0.5").applicationDue(received)).isEqualTo(due);
    }

    @ParameterizedTest(name = "posting from {0}: ends {1}, complaints until {2}")
    @CsvSource({
            // Monday: Mon–Wed posting, Thu, Fri, Mon complaints
            "2026-11-02, 2026-11-04, 2026-11-09",
            // Thursday: Thu, Fri, Mon; complaints Tue–Thu
            "2026-11-05, 2026-11-09, 2026-11-12",
            // Saturday start: the first working day is Monday
            "2026-11-07, 2026-11-11, 2026-11-16",
            // 2 September (holiday) falls inside: Mon 31/8, Tue 1/9, Thu 3/9; complaints Fri, Mon, Tue
            "2026-08-31, 2026-09-03, 2026-09-08",
            // over New Year 2027: Wed 30/12, Thu 31/12, Mon 4/1; complaints 5–7/1
            "2026-12-30, 2027-01-04, 2027-01-07",
    })
    void postingAndComplaintsCountWorkingDays(LocalDate start, LocalDate postingEnds, LocalDate complaintsEnd) {
        ReviewCalendar.Posting p = calendar("0.5").posting(start);
        assertThat(p.postingEndsOn()).isEqualTo(postingEnds);
        assertThat(p.complaintsEndOn()).isEqualTo(complaintsEnd);
        assertThat(p.earliestDecision()).isEqualTo(complaintsEnd.plusDays(1));
    }

    @ParameterizedTest(name = "{1} of {0} agree at threshold {2}: {3}")
    @CsvSource({
            "10, 5, 0.5, true",
            "10, 4, 0.5, false",
            "11, 5, 0.5, false",
            "11, 6, 0.5, true",
            "1, 1, 0.5, true",
            "1, 0, 0.5, false",
            "3, 2, 0.6667, false",
            "3, 2, 0.6666, true",
            "100, 100, 1, true",
            "100, 99, 1, false",
    })
    void meetingPassesAtTheThresholdExactly(int attendees, int agreed, String threshold, boolean passed) {
        assertThat(calendar(threshold).meetingPassed(attendees, agreed)).isEqualTo(passed);
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "5, 6", "5, -1"})
    void impossibleAttendanceIsRefused(int attendees, int agreed) {
        assertThatThrownBy(() -> calendar("0.5").meetingPassed(attendees, agreed))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "decided {0}: {1}")
    @CsvSource({
            "2025-06-30, DISTRICT PROVINCE",
            "2025-07-01, PROVINCE",
            "2024-12-20, DISTRICT PROVINCE",
            "2026-12-10, PROVINCE",
    })
    void theDistrictApprovesResultsDecidedUntilThirtiethJune2025(LocalDate decided, String levels) {
        assertThat(calendar("0.5").approvalLevels(decided).stream().map(Enum::name).toList())
                .containsExactly(levels.split(" "));
    }

    @Test
    void parametersOutsideTheirRangeAreRefused() {
        assertThatThrownBy(() -> calendar("0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar("1.01")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReviewCalendar(MonthDay.of(9, 1), MonthDay.of(12, 14), 29, 15, 3, 3,
                BigDecimal.ONE, LocalDate.of(2025, 6, 30), DAYS)).isInstanceOf(IllegalArgumentException.class);
    }
}
