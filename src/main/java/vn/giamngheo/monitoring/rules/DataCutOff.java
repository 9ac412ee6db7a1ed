package vn.giamngheo.monitoring.rules;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;

/**
 * The data period a report covers (its statistical cut-off), which is not the calendar period: by default
 * per Decree 09/2019/NĐ-CP Art. 12 [?] a quarter runs from the 15th of the last month of the previous quarter
 * to the 14th of the quarter's last month, and the 6-month, 9-month and annual reports from 15 December of the
 * previous year to 14 June, 14 September and 14 December. All four ends are parameters:
 * <ul>
 * <li>{@code quarterEndDay}: the day of the quarter's last month on which a quarter's data end (31 = the
 * month's last day); a quarter starts the day after the previous quarter's end;</li>
 * <li>{@code halfYearEnd}, {@code nineMonthsEnd}, {@code yearEnd}: the day of the year on which these
 * data end; all three start the day after the previous year's annual end.</li>
 * </ul>
 * {@link #CALENDAR} gives the calendar periods (1 January – 30 June, …).
 */
public record DataCutOff(int quarterEndDay, MonthDay halfYearEnd, MonthDay nineMonthsEnd, MonthDay yearEnd) {

    public static final DataCutOff CALENDAR = new DataCutOff(31, MonthDay.of(6, 30), MonthDay.of(9, 30), MonthDay.of(12, 31));
    public static final DataCutOff DECREE_09_2019 = new DataCutOff(14, MonthDay.of(6, 14), MonthDay.of(9, 14), MonthDay.of(12, 14));

    public DataCutOff {
        if (quarterEndDay < 1 || quarterEndDay > 31) {
            throw new IllegalArgumentException("the quarter's end day must be 1–31: " + quarterEndDay);
        }
        if (!halfYearEnd.isBefore(nineMonthsEnd) || !nineMonthsEnd.isBefore(yearEnd)) {
            throw new IllegalArgumentException("the ends must come in order 6 months < 9 months < year: "
                    + halfYearEnd + ", " + nineMonthsEnd + ", " + yearEnd);
        }
    }

    /** The data period {@code number} (1-based; always 1 except for quarters) of {@code year}. */
    public ReportPeriod period(ReportKind kind, int year, int number) {
        if (number < 1 || number > kind.periodsPerYear()) {
            throw new IllegalArgumentException(kind.code() + " has periods 1–" + kind.periodsPerYear() + ", not " + number);
        }
        return switch (kind) {
            case QUARTER -> new ReportPeriod(kind, year, number, quarterEnd(year, number - 1).plusDays(1), quarterEnd(year, number));
            case HALF_YEAR -> cumulative(kind, year, halfYearEnd);
            case NINE_MONTHS -> cumulative(kind, year, nineMonthsEnd);
            case YEAR -> cumulative(kind, year, yearEnd);
        };
    }

    /** The last day of quarter {@code quarter} of {@code year} (quarter 0 = the previous year's fourth). */
    private LocalDate quarterEnd(int year, int quarter) {
        YearMonth lastMonth = quarter == 0 ? YearMonth.of(year - 1, 12) : YearMonth.of(year, 3 * quarter);
        return lastMonth.atDay(Math.min(quarterEndDay, lastMonth.lengthOfMonth()));
    }

    private ReportPeriod cumulative(ReportKind kind, int year, MonthDay end) {
        return new ReportPeriod(kind, year, 1, yearEnd.atYear(year - 1).plusDays(1), end.atYear(year));
    }
}
