package vn.giamngheo.support.rules;

import java.time.LocalDate;

/**
 * The period of a coverage figure: entitlement is judged on {@code to}; a benefit counts as received when
 * recorded between {@code from} and {@code to} (both included). On a date D the period runs from 1 January of
 * D's year to D; for a year Y, from 1 January to 31 December of Y.
 */
public record CoveragePeriod(LocalDate from, LocalDate to) {

    public CoveragePeriod {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("the period starts after it ends");
        }
    }

    public static CoveragePeriod onDate(LocalDate date) {
        return new CoveragePeriod(date.withDayOfYear(1), date);
    }

    public static CoveragePeriod year(int year) {
        return new CoveragePeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
