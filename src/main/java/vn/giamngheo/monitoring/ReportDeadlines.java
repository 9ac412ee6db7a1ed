package vn.giamngheo.monitoring;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;

/**
 * When a periodic report is due (Circular 10/2022/TT-BLĐTBXH, all values are parameters):
 * <ul>
 * <li>to the standing agency of the same level: within {@code workingDays} working days after the last
 * day of the period, i.e. on the {@code workingDays}-th working day after it at the latest;</li>
 * <li>to the ministries, for the 6-month and the annual report: <em>before</em> the given day of the
 * period's year (1 June and 1 December), i.e. on the day before it at the latest. Quarterly and
 * 9-month reports are asked for by the plans, not by the ministries, and have no such date.</li>
 * </ul>
 */
public record ReportDeadlines(int workingDays, MonthDay ministryHalfYearBefore, MonthDay ministryYearBefore) {

    public ReportDeadlines {
        if (workingDays < 1) {
            throw new IllegalArgumentException("working days must be at least 1: " + workingDays);
        }
    }

    /** The last day to send the report to the standing agency of the same level. */
    public LocalDate due(ReportPeriod period, WorkingDays calendar) {
        return calendar.plusWorkingDays(period.end(), workingDays);
    }

    /** The last day to send the report to the ministries, for the 6-month and annual reports. */
    public Optional<LocalDate> ministryDue(ReportPeriod period) {
        return switch (period.kind()) {
            case HALF_YEAR -> Optional.of(ministryHalfYearBefore.atYear(period.year()).minusDays(1));
            case YEAR -> Optional.of(ministryYearBefore.atYear(period.year()).minusDays(1));
            default -> Optional.empty();
        };
    }

    /** On time when sent on or before the due day. */
    public static boolean onTime(LocalDate sentOn, LocalDate due) {
        return !sentOn.isAfter(due);
    }

    /** Overdue on {@code date}: not yet sent and the due day has passed. */
    public static boolean overdue(boolean sent, LocalDate due, LocalDate date) {
        return !sent && date.isAfter(due);
    }
}
