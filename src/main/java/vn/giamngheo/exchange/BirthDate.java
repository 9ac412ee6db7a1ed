package vn.giamngheo.exchange;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A birth date that may be a bare year ({@code YYYY}), as registers often hold only the year of birth.
 *
 * <p>Ages of a bare-year birth date are computed as if the person was born on <b>1 July</b> of that year
 * (the middle of the year, the usual statistical convention): the error is at most six months either way,
 * and a person is never treated as having reached an age cut-off in the first half of the year it is
 * reached. {@link #isYearOnly()} lets a rule that must be exact report the uncertainty.
 */
public record BirthDate(int year, Integer month, Integer day) {

    /** Month and day assumed for a bare year. */
    public static final int ASSUMED_MONTH = 7;
    public static final int ASSUMED_DAY = 1;

    public BirthDate {
        if ((month == null) != (day == null)) {
            throw new IllegalArgumentException("month and day must both be given or both be absent");
        }
        if (month != null) {
            LocalDate.of(year, month, day); // validates
        }
    }

    public static BirthDate of(LocalDate date) {
        return new BirthDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    public static BirthDate yearOnly(int year) {
        return new BirthDate(year, null, null);
    }

    /** Parses {@code YYYY-MM-DD} or {@code YYYY}; empty when the text is neither. */
    public static Optional<BirthDate> parse(String text) {
        String t = text.trim();
        try {
            if (Digits.exactly(t, 4)) {
                return Optional.of(yearOnly(Digits.value(t, 0, 4)));
            }
            if (t.length() == 10 && Digits.all(t, 0, 4) && t.charAt(4) == '-' && Digits.all(t, 5, 7)
                    && t.charAt(7) == '-' && Digits.all(t, 8, 10)) {
                // LocalDate.of refuses what ISO_LOCAL_DATE's strict parse refuses (month 13, 30 February…)
                return Optional.of(new BirthDate(Digits.value(t, 0, 4), Digits.value(t, 5, 7), Digits.value(t, 8, 10)));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    public boolean isYearOnly() {
        return month == null;
    }

    /** The exact date, or 1 July of the year for a bare year. */
    public LocalDate assumedDate() {
        return isYearOnly() ? LocalDate.of(year, ASSUMED_MONTH, ASSUMED_DAY) : LocalDate.of(year, month, day);
    }

    /** Completed years of age on {@code referenceDate} (0 before the first birthday). */
    public int ageOn(LocalDate referenceDate) {
        int bornMonth = isYearOnly() ? ASSUMED_MONTH : month;
        int bornDay = isYearOnly() ? ASSUMED_DAY : day;
        // completed years: what Period.between(born, referenceDate).getYears() gives, without its allocations
        // (called for every member by several rules of the classifier)
        int years = referenceDate.getYear() - year;
        int monthDiff = referenceDate.getMonthValue() - bornMonth;
        if (monthDiff < 0 || (monthDiff == 0 && referenceDate.getDayOfMonth() < bornDay)) {
            years--;
        }
        return Math.max(years, 0);
    }

    /** Whether the person has reached {@code years} years and {@code months} months on the date. */
    public boolean hasReached(int years, int months, LocalDate referenceDate) {
        return !assumedDate().plusYears(years).plusMonths(months).isAfter(referenceDate);
    }

    /** True when the date lies after {@code today} (for a bare year: the year is after today's year). */
    public boolean isAfter(LocalDate today) {
        return isYearOnly() ? year > today.getYear() : assumedDate().isAfter(today);
    }

    /** The exchange-format text: {@code YYYY-MM-DD} or {@code YYYY}. */
    public String toText() {
        return isYearOnly() ? String.format("%04d", year) : assumedDate().toString();
    }
}
