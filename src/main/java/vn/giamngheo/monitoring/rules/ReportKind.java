package vn.giamngheo.monitoring.rules;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of periodic report: quarterly (numbered 1–4), 6-month, 9-month and annual. Every period
 * starts on 1 January of its year except a quarter, which starts on the first day of its quarter.
 */
public enum ReportKind {
    QUARTER(4, 3), HALF_YEAR(1, 6), NINE_MONTHS(1, 9), YEAR(1, 12);

    private final int periodsPerYear;
    private final int months;

    ReportKind(int periodsPerYear, int months) {
        this.periodsPerYear = periodsPerYear;
        this.months = months;
    }

    public int periodsPerYear() {
        return periodsPerYear;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReportKind> ofCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst();
    }

    /** The period {@code number} (1-based; always 1 except for quarters) of {@code year}. */
    public ReportPeriod period(int year, int number) {
        if (number < 1 || number > periodsPerYear) {
            throw new IllegalArgumentException(code() + " has periods 1–" + periodsPerYear + ", not " + number);
        }
        LocalDate start = this == QUARTER ? LocalDate.of(year, 3 * (number - 1) + 1, 1) : LocalDate.of(year, 1, 1);
        LocalDate end = start.plusMonths(this == QUARTER ? 3 : months).minusDays(1);
        return new ReportPeriod(this, year, number, start, end);
    }
}
