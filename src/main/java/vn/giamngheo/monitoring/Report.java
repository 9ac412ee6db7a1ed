package vn.giamngheo.monitoring;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import vn.giamngheo.monitoring.rules.ReportDeadlines;
import vn.giamngheo.monitoring.rules.ReportKind;
import vn.giamngheo.monitoring.rules.ReportStatus;

/** A periodic report of one unit: its data period (periodStart–periodEnd, the statistical cut-off), due dates, where it stands and who did what. */
public record Report(long id, long unitId, String unitName, String unitLevel, String unitPath, Long parentUnitId,
                     String provinceCode, ReportKind kind, int year, int number, LocalDate periodStart, LocalDate periodEnd,
                     LocalDate dueDate, LocalDate ministryDueDate, ReportStatus status, String submittedBy,
                     Instant submittedAt, Instant firstSubmittedAt, String reviewedBy, Instant reviewedAt,
                     String returnReason, int version) {

    /** The day it was first sent, in Vietnam. */
    public LocalDate firstSentOn() {
        return firstSubmittedAt == null ? null : LocalDate.ofInstant(firstSubmittedAt, MonitoringReports.VIETNAM);
    }

    /** On time: first sent on or before the due day; null while not sent. */
    public Boolean onTime() {
        return firstSentOn() == null ? null : ReportDeadlines.onTime(firstSentOn(), dueDate);
    }

    /**
     * The ministry date falls on or before the last day of the data (6-month report due before 1 June with data
     * to 14 June): shown as a warning, the rule needs checking (docs/domain.md §5).
     */
    @JsonProperty("ministryDueBeforeDataEnd")
    public boolean ministryDueBeforeDataEnd() {
        return ReportDeadlines.ministryDueBeforeDataEnd(ministryDueDate, periodEnd);
    }

    public boolean overdueOn(LocalDate date) {
        return ReportDeadlines.overdue(status.sent(), dueDate, date);
    }
}
