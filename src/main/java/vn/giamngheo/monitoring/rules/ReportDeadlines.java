package vn.giamngheo.monitoring.rules;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;

/**
 * When a periodic report is due (Circular 10/2022/TT-BLĐTBXH, all values are parameters):
 * <ul>
 * <li>to the standing agency of the same level: within {@code workingDays} working days after the last
 * day of the period's data ({@link DataCutOff}), i.e. on the {@code workingDays}-th working day after it at
 * the latest;</li>
 * <li>to the ministries, for the 6-month and the annual report: <em>before</em> the given day of the
 * period's year (1 June and 1 December), i.e. on the day before it at the latest. Quarterly and
 * 9-month reports are asked for by the plans, not by the ministries, and have no such date.</li>
 * </ul>
 * With the statutory cut-off (data to 14 June and 14 December) the ministry date falls <em>before</em> the data
 * end, which cannot be met as written [?]; {@link #ministryDueBeforeDataEnd} says so instead of hiding it.
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

    /**
     * The ministry date falls on or before the last day of the period's data: the report cannot hold the whole
     * period by then (the rule or the cut-off needs checking, docs/domain.md §5).
     */
    public static boolean ministryDueBeforeDataEnd(LocalDate ministryDue, LocalDate dataEnd) {
        return ministryDue != null && !ministryDue.isAfter(dataEnd);
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
