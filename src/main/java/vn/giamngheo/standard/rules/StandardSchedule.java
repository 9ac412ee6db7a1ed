package vn.giamngheo.standard.rules;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which standard applies to the lists of a year: 2016–2021 Decision 59, 2022–2026 Decree 07, 2027–2030
 * Decree 351 (the review at the end of year Y produces the lists of Y+1 under the standard of Y+1).
 */
public final class StandardSchedule {

    private final Map<Integer, String> byYear;

    private StandardSchedule(Map<Integer, String> byYear) {
        this.byYear = Map.copyOf(byYear);
    }

    public static StandardSchedule national() {
        Map<Integer, String> years = new TreeMap<>();
        for (int y = 2016; y <= 2021; y++) {
            years.put(y, "QD59_2015");
        }
        for (int y = 2022; y <= 2026; y++) {
            years.put(y, "ND07_2021");
        }
        for (int y = 2027; y <= 2030; y++) {
            years.put(y, "ND351_2025");
        }
        return new StandardSchedule(years);
    }

    /** First month of the periodic review (Decision 24/2021: 1 September – 14 December). */
    public static final int PERIODIC_REVIEW_START_MONTH = 9;

    /**
     * The lists year that a review held on {@code date} decides: from 1 September the periodic review decides
     * the next year's lists; before it, in-year reviews amend the current year's lists.
     */
    public static int reviewListYear(java.time.LocalDate date) {
        return date.getMonthValue() >= PERIODIC_REVIEW_START_MONTH ? date.getYear() + 1 : date.getYear();
    }

    /** The standard code for the lists of {@code listYear}. */
    public Optional<String> standardFor(int listYear) {
        return Optional.ofNullable(byYear.get(listYear));
    }

    /** This schedule with the years {@code from}–{@code to} (inclusive) mapped to {@code code}. */
    public StandardSchedule with(int from, int to, String code) {
        Map<Integer, String> copy = new TreeMap<>(byYear);
        for (int y = from; y <= to; y++) {
            copy.put(y, code);
        }
        return new StandardSchedule(copy);
    }
}
