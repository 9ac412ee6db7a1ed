package vn.giamngheo.support.rules;

import java.time.LocalDate;
import java.time.Period;

/**
 * A member of the household for age-banded policies.
 *
 * @param birthDate the birth date; for a bare year of birth, 1 July of that year (the register's convention)
 */
public record Person(int memberNo, LocalDate birthDate) {

    /** Completed years of age on the date (0 before birth). */
    public int ageOn(LocalDate date) {
        return birthDate.isAfter(date) ? 0 : Period.between(birthDate, date).getYears();
    }

    public boolean bornBy(LocalDate date) {
        return !birthDate.isAfter(date);
    }
}
