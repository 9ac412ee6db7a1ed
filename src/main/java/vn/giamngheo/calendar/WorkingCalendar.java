package vn.giamngheo.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * Which days are working days: Monday to Friday unless a holiday, plus weekend days the government declared
 * working days (a swapped Saturday). Immutable.
 */
public final class WorkingCalendar {

    /** Guard against an endless search when nearly every day is a holiday (a bad announcement). */
    private static final int MAX_SEARCH_DAYS = 366 * 5;

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workingWeekendDays;

    public WorkingCalendar(Collection<LocalDate> holidays, Collection<LocalDate> workingWeekendDays) {
        this.holidays = Set.copyOf(Objects.requireNonNull(holidays, "holidays"));
        this.workingWeekendDays = Set.copyOf(Objects.requireNonNull(workingWeekendDays, "workingWeekendDays"));
    }

    /** Saturdays and Sundays only, no holiday. */
    public static WorkingCalendar weekendsOnly() {
        return new WorkingCalendar(Set.of(), Set.of());
    }

    /** Monday to Friday and not a holiday, or a declared working weekend day. */
    public boolean isWorkingDay(LocalDate d) {
        Objects.requireNonNull(d, "date");
        if (workingWeekendDays.contains(d)) {
            return true;
        }
        DayOfWeek dow = d.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidays.contains(d);
    }

    /**
     * The n-th working day after {@code from} (n ≥ 1). For n = 0, {@code from} itself when it is a working
     * day, otherwise the next working day.
     *
     * @throws IllegalArgumentException when n is negative
     */
    public LocalDate plusWorkingDays(LocalDate from, int n) {
        Objects.requireNonNull(from, "from");
        if (n < 0) {
            throw new IllegalArgumentException("n must be 0 or more, was " + n);
        }
        if (n == 0) {
            return isWorkingDay(from) ? from : nextWorkingDayAfter(from);
        }
        LocalDate d = from;
        for (int i = 0; i < n; i++) {
            d = nextWorkingDayAfter(d);
        }
        return d;
    }

    /** Number of working days d with fromExclusive &lt; d ≤ toInclusive; negative when toInclusive is earlier. */
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        Objects.requireNonNull(fromExclusive, "fromExclusive");
        Objects.requireNonNull(toInclusive, "toInclusive");
        if (toInclusive.isBefore(fromExclusive)) {
            return -workingDaysBetween(toInclusive, fromExclusive);
        }
        int count = 0;
        for (LocalDate d = fromExclusive.plusDays(1); !d.isAfter(toInclusive); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    /** {@code d} when it is a working day, otherwise the closest earlier working day. */
    public LocalDate lastWorkingDayOnOrBefore(LocalDate d) {
        Objects.requireNonNull(d, "date");
        LocalDate day = d;
        for (int i = 0; i < MAX_SEARCH_DAYS; i++, day = day.minusDays(1)) {
            if (isWorkingDay(day)) {
                return day;
            }
        }
        throw new IllegalStateException("no working day within " + MAX_SEARCH_DAYS + " days before " + d);
    }

    private LocalDate nextWorkingDayAfter(LocalDate d) {
        LocalDate day = d.plusDays(1);
        for (int i = 0; i < MAX_SEARCH_DAYS; i++, day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                return day;
            }
        }
        throw new IllegalStateException("no working day within " + MAX_SEARCH_DAYS + " days after " + d);
    }
}
