package vn.giamngheo.people.rules;

import java.time.LocalDate;
import java.time.Period;

/**
 * A member's age on a day, in whole months and years: from the birth date, or, when only the year of birth is known
 * ({@code birth_year_only}; stored as 1 January), from 1 July of that year — the middle of the year, so that an
 * unknown day is off by at most six months either way. Born after the day: age 0. The SQL of
 * {@code vn.giamngheo.people.PeopleFigures} computes the same (PostgreSQL's {@code age(day, birth)}).
 */
public final class AgeOnDay {

    private AgeOnDay() {
    }

    /** The day the age counts from. */
    public static LocalDate birthDay(LocalDate birthDate, boolean yearOnly) {
        return yearOnly ? LocalDate.of(birthDate.getYear(), 7, 1) : birthDate;
    }

    /** Whole months of age on the day. */
    public static int months(LocalDate birthDate, boolean yearOnly, LocalDate day) {
        LocalDate from = birthDay(birthDate, yearOnly);
        if (from.isAfter(day)) {
            return 0;
        }
        return (int) Period.between(from, day).toTotalMonths();
    }

    /** Whole years of age on the day. */
    public static int years(LocalDate birthDate, boolean yearOnly, LocalDate day) {
        return months(birthDate, yearOnly, day) / 12;
    }
}
