package vn.giamngheo.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Statutory holidays of Labour Code 2019 art. 112 (2012 art. 115 before 2021), worked out by hand. */
class HolidayRulesTest {

    @ParameterizedTest(name = "{0}: {1} day(s) off")
    @CsvSource({
            "2020, 12",  // Labour Code 2012: one day for National Day; Tết over a weekend gives 2 compensatory days
            "2022, 15",  // 1 Jan Sat, Hùng Kings Sun, 30 Apr Sat and 1 May Sun: 4 compensatory days
            "2023, 17",
            "2024, 13",
            "2025, 12"})
    void numberOfDaysOff(int year, int count) {
        assertThat(HolidayRules.forYear(year)).hasSize(count);
    }

    @ParameterizedTest(name = "{0} is {1} ({2})")
    @CsvSource({
            // 2024: Tết eve Friday 9 Feb, Tết Saturday 10 – Tuesday 13; Saturday and Sunday compensated Wed and Thu
            "2024-01-01, HOLIDAY, S",
            "2024-02-09, HOLIDAY, S",
            "2024-02-13, HOLIDAY, S",
            "2024-02-14, COMPENSATORY, S",
            "2024-02-15, COMPENSATORY, S",
            "2024-04-18, HOLIDAY, S",     // Hùng Kings' day
            "2024-09-02, HOLIDAY, S",
            "2024-09-03, HOLIDAY, S2",    // adjacent day announced
            // 2023: New Year on a Sunday is compensated on Monday 2 January (across the year end)
            "2023-01-02, COMPENSATORY, S",
            "2023-01-21, HOLIDAY, S",     // Tết eve on a Saturday
            "2023-01-26, COMPENSATORY, S",
            "2023-01-27, COMPENSATORY, S",
            // Hùng Kings on Saturday 29 April, 30 April on Sunday, 1 May on Monday: off 29 April – 3 May
            "2023-04-29, HOLIDAY, S",
            "2023-05-02, COMPENSATORY, S",
            "2023-05-03, COMPENSATORY, S",
            "2023-09-01, HOLIDAY, S2",
            "2023-09-04, COMPENSATORY, S",
            // 2022
            "2022-01-03, COMPENSATORY, S",
            "2022-01-31, HOLIDAY, S",
            "2022-04-11, COMPENSATORY, S",
            "2022-05-02, COMPENSATORY, S",
            "2022-05-03, COMPENSATORY, S",
            "2022-09-01, HOLIDAY, S2",
            // 2025: the 4th day of Tết is Saturday 1 February, compensated Monday 3 February
            "2025-01-28, HOLIDAY, S",
            "2025-02-01, HOLIDAY, S",
            "2025-02-03, COMPENSATORY, S",
            "2025-04-07, HOLIDAY, S",
            "2025-09-01, HOLIDAY, S2",
            // 2020 under the Labour Code 2012
            "2020-01-24, HOLIDAY, S",
            "2020-01-29, COMPENSATORY, S",
            "2020-01-30, COMPENSATORY, S",
            "2020-04-02, HOLIDAY, S",
            // years not announced yet: 3 September, confidence '?'
            "2026-09-03, HOLIDAY, ?",
            "2028-01-03, COMPENSATORY, S", // 1 January 2028 is a Saturday
            "2028-09-04, COMPENSATORY, S", // 2 September 2028 is a Saturday ...
            "2028-09-05, COMPENSATORY, ?"}) // ... and the guessed 3 September a Sunday
    void dayOff(String day, HolidayKind kind, String confidence) {
        LocalDate date = LocalDate.parse(day);
        Optional<Holiday> found = HolidayRules.forYear(date.getYear()).stream().filter(h -> h.date().equals(date)).findFirst();
        assertThat(found).as(day).isPresent();
        assertThat(found.get().kind()).isEqualTo(kind);
        assertThat(found.get().confidence()).isEqualTo(confidence);
        assertThat(found.get().nameVi()).isNotBlank();
        assertThat(found.get().nameEn()).isNotBlank();
    }

    @ParameterizedTest(name = "{0} is not a day off")
    @CsvSource({
            "2020-09-03",  // no adjacent National Day before 2021
            "2020-09-01",
            "2021-09-01",  // 2021 took 3 September
            "2022-09-03",  // 2022 took 1 September
            "2024-09-01",  // a Sunday, but not a holiday
            "2025-01-27",  // the announced bridge day of 2025 is not statutory
            "2025-02-04",
            "2024-02-16"})
    void notADayOff(String day) {
        LocalDate date = LocalDate.parse(day);
        assertThat(HolidayRules.forYear(date.getYear())).extracting(Holiday::date).doesNotContain(date);
    }

    @Test
    void everyYearHasFiveConsecutiveDaysOfTetAndNoCompensatoryDayOnAWeekend() {
        for (int y = 2015; y <= 2035; y++) {
            int year = y;
            List<Holiday> days = HolidayRules.forYear(year);
            LocalDate tet = LunarCalendar.newYear(year);
            for (int i = -1; i <= 3; i++) {
                assertThat(days).extracting(Holiday::date).as("Tết %d", year).contains(tet.plusDays(i));
            }
            assertThat(days.stream().filter(h -> h.kind() == HolidayKind.HOLIDAY)).as("%d", year)
                    .hasSize(year >= 2021 ? 11 : 10);
            long weekendDays = days.stream().filter(h -> h.kind() == HolidayKind.HOLIDAY && weekend(h.date())).count();
            assertThat(days.stream().filter(h -> h.kind() == HolidayKind.COMPENSATORY)).as("%d", year)
                    .hasSize((int) weekendDays)
                    .allSatisfy(h -> assertThat(weekend(h.date())).isFalse());
            assertThat(days).extracting(Holiday::date).as("%d", year).doesNotHaveDuplicates()
                    .allSatisfy(d -> assertThat(d.getYear()).isEqualTo(year)).isSorted();
        }
    }

    @Test
    void yearsBeforeTheLabourCode2012AreRefused() {
        assertThatThrownBy(() -> HolidayRules.forYear(2013)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2013");
    }

    @Test
    void announcedDaysApplyOnTopOfTheStatutoryOnes() {
        LocalDate friday = LocalDate.parse("2025-01-24");
        WorkingCalendar statutory = HolidayRules.calendar(2024, 2026, List.of());
        assertThat(statutory.plusWorkingDays(friday, 1)).isEqualTo(LocalDate.parse("2025-01-27"));
        assertThat(statutory.plusWorkingDays(friday, 2)).isEqualTo(LocalDate.parse("2025-02-04"));

        WorkingCalendar announced = HolidayRules.calendar(2024, 2026, List.of(
                announced("2025-01-27", HolidayKind.HOLIDAY),          // bridge day off
                announced("2025-02-08", HolidayKind.WORKING_WEEKEND),  // worked on Saturday instead
                announced("2025-02-03", HolidayKind.WORKING_WEEKEND))); // a statutory day declared worked
        assertThat(announced.plusWorkingDays(friday, 1)).isEqualTo(LocalDate.parse("2025-02-03"));
        assertThat(announced.plusWorkingDays(LocalDate.parse("2025-02-07"), 1)).isEqualTo(LocalDate.parse("2025-02-08"));
        assertThat(announced.isWorkingDay(LocalDate.parse("2025-01-28"))).isFalse();
    }

    private static Holiday announced(String day, HolidayKind kind) {
        return new Holiday(LocalDate.parse(day), "x", "x", kind, "test", "S");
    }

    private static boolean weekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
