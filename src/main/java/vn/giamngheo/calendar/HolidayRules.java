package vn.giamngheo.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The statutory public holidays of Vietnam.
 *
 * <p>Labour Code 2019 art. 112 (in force 1 January 2021): 1 January; Tết, 5 days (the last day of the old
 * lunar year and the 1st to 4th of the first month); Hùng Kings' day (10th of the 3rd lunar month);
 * 30 April; 1 May; 2 September and the day before or after it, which the government chooses each year.
 * Labour Code 2012 art. 115 (in force 1 May 2013) had the same list with 2 September alone. When a holiday
 * falls on a weekly rest day (Saturday or Sunday for public offices) the next working day is a
 * compensatory day off (art. 112(3); 2012: art. 110(3)).
 *
 * <p>The government's yearly announcements (swapped working Saturdays, longer Tết breaks) are not rules;
 * they are stored by the administrator and combined with {@link #calendar}.
 */
public final class HolidayRules {

    public static final int FIRST_YEAR = 2014;
    public static final int LAST_YEAR = LunarCalendar.LAST_YEAR - 1;

    private static final String CODE_2019 = "Bộ luật Lao động 2019, Điều 112";
    private static final String CODE_2012 = "Bộ luật Lao động 2012, Điều 115";
    private static final String NATIONAL_DAY_ANNOUNCEMENTS = "Bộ luật Lao động 2019, Điều 112(1)(đ); thông báo hằng năm của Chính phủ";

    /**
     * The day next to 2 September chosen by the government, by year (2021: Thursday 2 + Friday 3;
     * 2022: Thursday 1 + Friday 2; 2023: Friday 1 + Saturday 2; 2024: Monday 2 + Tuesday 3;
     * 2025: Monday 1 + Tuesday 2). Later years are not announced yet: 3 September, confidence "?".
     */
    private static final Map<Integer, Integer> NATIONAL_DAY_NEIGHBOUR = Map.of(2021, 3, 2022, 1, 2023, 1, 2024, 3, 2025, 1);

    private static final String[] TET_VI = {"Tết Âm lịch (ngày cuối năm)", "Tết Âm lịch (mùng 1)", "Tết Âm lịch (mùng 2)",
            "Tết Âm lịch (mùng 3)", "Tết Âm lịch (mùng 4)"};
    private static final String[] TET_EN = {"Lunar New Year (last day of the old year)", "Lunar New Year (day 1)",
            "Lunar New Year (day 2)", "Lunar New Year (day 3)", "Lunar New Year (day 4)"};

    private HolidayRules() {
    }

    /** The statutory holidays and compensatory days of a year, in date order. */
    public static List<Holiday> forYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("statutory holidays are known for " + FIRST_YEAR + "–" + LAST_YEAR + ", not " + year);
        }
        String source = year >= 2021 ? CODE_2019 : CODE_2012;
        List<Holiday> days = new ArrayList<>();
        days.add(holiday(LocalDate.of(year, Month.JANUARY, 1), "Tết Dương lịch", "New Year's Day", source, "S"));
        LocalDate tet = LunarCalendar.newYear(year);
        for (int i = 0; i < 5; i++) {
            days.add(holiday(tet.plusDays(i - 1L), TET_VI[i], TET_EN[i], source, "S"));
        }
        days.add(holiday(LunarCalendar.toSolar(LunarDate.of(year, 3, 10)), "Giỗ Tổ Hùng Vương (10/3 âm lịch)",
                "Hùng Kings' Commemoration Day (10th day of the 3rd lunar month)", source, "S"));
        days.add(holiday(LocalDate.of(year, Month.APRIL, 30), "Ngày Chiến thắng", "Reunification Day", source, "S"));
        days.add(holiday(LocalDate.of(year, Month.MAY, 1), "Ngày Quốc tế Lao động", "International Labour Day", source, "S"));
        days.add(holiday(LocalDate.of(year, Month.SEPTEMBER, 2), "Quốc khánh", "National Day", source, "S"));
        if (year >= 2021) {
            Integer announced = NATIONAL_DAY_NEIGHBOUR.get(year);
            days.add(holiday(LocalDate.of(year, Month.SEPTEMBER, announced == null ? 3 : announced),
                    "Quốc khánh (ngày liền kề)", "National Day (adjacent day)", NATIONAL_DAY_ANNOUNCEMENTS,
                    announced == null ? "?" : "S2"));
        }
        days.sort(Comparator.comparing(Holiday::date));
        days.addAll(compensatoryDays(days));
        days.sort(Comparator.comparing(Holiday::date));
        return List.copyOf(days);
    }

    /**
     * A working calendar of the statutory holidays of the given years, with the announced days applied on
     * top: announced holidays and compensatory days are days off, an announced working day is worked even
     * when it is a weekend day or a statutory day.
     */
    public static WorkingCalendar calendar(int fromYear, int toYear, Collection<Holiday> announced) {
        Set<LocalDate> off = new HashSet<>();
        Set<LocalDate> working = new HashSet<>();
        for (int year = fromYear; year <= toYear; year++) {
            forYear(year).forEach(h -> off.add(h.date()));
        }
        for (Holiday h : announced) {
            (h.kind().dayOff() ? off : working).add(h.date());
        }
        return new WorkingCalendar(off, working);
    }

    /** The next day that is neither a weekend day nor already a day off, for each holiday on a weekend. */
    private static List<Holiday> compensatoryDays(List<Holiday> holidays) {
        Set<LocalDate> taken = new HashSet<>();
        holidays.forEach(h -> taken.add(h.date()));
        List<Holiday> result = new ArrayList<>();
        for (Holiday h : holidays) {
            if (!isWeekend(h.date())) {
                continue;
            }
            LocalDate day = h.date().plusDays(1);
            while (isWeekend(day) || taken.contains(day)) {
                day = day.plusDays(1);
            }
            taken.add(day);
            result.add(new Holiday(day, "Nghỉ bù " + h.nameVi(), "Compensatory day for " + h.nameEn(),
                    HolidayKind.COMPENSATORY, h.source(), h.confidence()));
        }
        return result;
    }

    private static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static Holiday holiday(LocalDate date, String vi, String en, String source, String confidence) {
        return new Holiday(date, vi, en, HolidayKind.HOLIDAY, source, confidence);
    }
}
