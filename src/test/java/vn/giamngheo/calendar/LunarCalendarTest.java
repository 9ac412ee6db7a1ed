package vn.giamngheo.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Known dates of the Vietnamese lunar calendar (UTC+7), as printed on Vietnamese calendars. */
class LunarCalendarTest {

    @ParameterizedTest(name = "Tết {0} = {1}")
    @CsvSource({
            "1985, 1985-01-21",  // a month earlier than the Chinese New Year (20 Feb 1985): UTC+7 matters
            "2007, 2007-02-17",  // a day earlier than in China (18 Feb 2007)
            "2019, 2019-02-05",
            "2020, 2020-01-25",
            "2021, 2021-02-12",
            "2022, 2022-02-01",
            "2023, 2023-01-22",
            "2024, 2024-02-10",
            "2025, 2025-01-29",
            "2026, 2026-02-17",
            "2027, 2027-02-06",
            "2028, 2028-01-26",
            "2029, 2029-02-13",
            // the new moon is at 23:07 on 2 Feb 2030 in Vietnam (00:07 on 3 Feb in China, whose New Year
            // is 3 Feb): the Vietnamese Tết is a day earlier
            "2030, 2030-02-02"})
    void tetFallsOnTheKnownDay(int year, String expected) {
        assertThat(LunarCalendar.newYear(year)).isEqualTo(LocalDate.parse(expected));
        assertThat(LunarCalendar.toLunar(LocalDate.parse(expected))).isEqualTo(LunarDate.of(year, 1, 1));
    }

    @ParameterizedTest(name = "{0} = {1}/{2}{3}/{4}")
    @CsvSource({
            "2021-04-21, 10, 3, false, 2021",  // Hùng Kings' day
            "2022-04-10, 10, 3, false, 2022",
            "2023-04-29, 10, 3, false, 2023",
            "2024-04-18, 10, 3, false, 2024",
            "2025-04-07, 10, 3, false, 2025",
            "2026-04-26, 10, 3, false, 2026",
            "2024-02-09, 30, 12, false, 2023", // last day of a 30-day 12th month
            "2025-01-28, 29, 12, false, 2024", // last day of a 29-day 12th month
            "2023-03-22, 1, 2, true, 2023",    // first day of the leap 2nd month
            "2023-03-21, 30, 2, false, 2023",
            "2020-05-23, 1, 4, true, 2020",    // leap 4th month
            "2025-07-25, 1, 6, true, 2025",    // leap 6th month
            "2024-09-17, 15, 8, false, 2024",  // Mid-Autumn
            "2024-12-31, 1, 12, false, 2024",
            "2025-01-01, 2, 12, false, 2024"}) // a solar new year inside the old lunar year
    void solarDatesConvertToTheKnownLunarDates(String solar, int day, int month, boolean leap, int year) {
        LunarDate lunar = new LunarDate(year, month, day, leap);
        assertThat(LunarCalendar.toLunar(LocalDate.parse(solar))).isEqualTo(lunar);
        assertThat(LunarCalendar.toSolar(lunar)).isEqualTo(LocalDate.parse(solar));
    }

    @ParameterizedTest(name = "leap month of {0} = {1}")
    @CsvSource({"2014, 9", "2017, 6", "2020, 4", "2021, 0", "2022, 0", "2023, 2", "2024, 0", "2025, 6", "2028, 5"})
    void leapMonths(int year, int leapMonth) {
        assertThat(LunarCalendar.leapMonth(year)).isEqualTo(leapMonth);
    }

    @Test
    void everyDayFrom1990To2040ConvertsBackToItself() {
        LunarDate previous = null;
        for (LocalDate d = LocalDate.of(1990, 1, 1); d.isBefore(LocalDate.of(2041, 1, 1)); d = d.plusDays(1)) {
            LunarDate lunar = LunarCalendar.toLunar(d);
            assertThat(LunarCalendar.toSolar(lunar)).as("%s = %s", d, lunar).isEqualTo(d);
            if (previous != null && lunar.day() != 1) {
                assertThat(lunar.day()).as("%s follows %s", lunar, previous).isEqualTo(previous.day() + 1);
            }
            if (lunar.day() == 1) {
                assertThat(previous.day()).as("month before %s", lunar).isBetween(29, 30);
            }
            previous = lunar;
        }
    }

    @Test
    void aLeapMonthThatDoesNotExistIsRefused() {
        assertThatThrownBy(() -> LunarCalendar.toSolar(new LunarDate(2024, 3, 1, true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no leap month");
        assertThatThrownBy(() -> LunarCalendar.toSolar(new LunarDate(2023, 3, 1, true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no leap month 3");
    }

    @Test
    void dayThirtyOfATwentyNineDayMonthIsRefused() {
        assertThatThrownBy(() -> LunarCalendar.toSolar(LunarDate.of(2024, 12, 30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("29 days");
    }

    @Test
    void yearsOutsideTheRangeAreRefused() {
        assertThatThrownBy(() -> LunarCalendar.toLunar(LocalDate.of(1799, 12, 31)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
