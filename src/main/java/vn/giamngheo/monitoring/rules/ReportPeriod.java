package vn.giamngheo.monitoring.rules;

import java.time.LocalDate;

/** One report period: kind, year, number within the year, first and last day. */
public record ReportPeriod(ReportKind kind, int year, int number, LocalDate start, LocalDate end) {
}
